/**
 * Words for the demo incidents: reporter names and phones (fake, plausible), addresses and descriptions.
 * Everything is drawn from the caller's seeded generator, never Math.random.
 */

export type Rng = () => number

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!

/** Picks by weight; `weights` need not sum to 1. */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0
  for (const [, w] of items) total += w
  let x = rng() * total
  for (const [v, w] of items) {
    x -= w
    if (x < 0) return v
  }
  return items[items.length - 1]![0]
}

// Common surnames of Putian (莆田) first, then the national list.
const SURNAMES = ['林', '陈', '黄', '郑', '吴', '王', '李', '张', '刘', '方', '蔡', '许', '翁', '朱', '关', '宋', '杨', '余', '徐', '周']
const GIVEN = ['建', '国', '明', '华', '丽', '秀', '志', '伟', '芳', '玉', '金', '春', '美', '文', '德', '荣', '清', '福', '海', '燕', '强', '琴', '平', '辉', '霞', '婷', '峰', '梅', '杰', '鸿']

export function personName(rng: Rng): string {
  const given = pick(rng, GIVEN) + (rng() < 0.7 ? pick(rng, GIVEN) : '')
  return pick(rng, SURNAMES) + given
}

const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '158', '159', '177', '180', '181', '186', '187', '188', '189', '199']

/** An 11-digit mainland mobile number (shape only; shown masked). */
export function mobile(rng: Rng): string {
  let rest = ''
  for (let i = 0; i < 8; i++) rest += Math.floor(rng() * 10)
  return pick(rng, MOBILE_PREFIXES) + rest
}

const SPOTS = ['附近', '路口', '小区门口', '菜市场旁', '学校周边', '沿街店面前', '公交站旁', '巷子里', '桥头', '公园边']

/** 涵西社区居委会 → 涵西社区, 南兴村委会 → 南兴村 (how people name the place). */
export const placeName = (community: string): string => community.replace(/居委会$/, '').replace(/村委会$/, '村')

export function address(rng: Rng, street: string, community: string): string {
  const number = rng() < 0.55 ? `${1 + Math.floor(rng() * 220)}号` : ''
  return `莆田市涵江区${street}${placeName(community)}${number}${pick(rng, SPOTS)}`
}

/** Details by fine class (the common ones), else by subclass, else generic: what reporters add. */
const DETAILS: Record<string, readonly string[]> = {
  '010101': ['水一直往外冒，路面都湿了', '管道破裂，水流到马路上'],
  '010102': ['已经停水大半天，没有通知', '楼上水压很小，用不了水'],
  '010203': ['下水道堵了，污水溢到路面', '污水外溢，气味很大'],
  '010204': ['下雨后积水严重，行人无法通过', '积水没过脚踝'],
  '010301': ['整条路晚上黑漆漆的', '路灯坏了一个多星期'],
  '010302': ['电线垂到人头的高度', '电线掉在人行道上'],
  '010305': ['整片小区停电，没有通知', '电压不稳，电器无法使用'],
  '010501': ['坑很深，已经有电动车摔倒', '路面坑坑洼洼，下雨后更严重'],
  '010502': ['路面下陷一大块', '路面突然塌了一个洞'],
  '020601': ['已经好几天没人清理', '垃圾堆在路边，天热气味很大'],
  '020603': ['垃圾桶满了溢到地上', '垃圾箱破了一个大口'],
  '020604': ['路面很脏，到处是泥', '路上油污很多'],
  '020701': ['每天早上占用人行道', '摊位把盲道都占了'],
  '020702': ['店家把货物摆到店外', '门店在门口摆桌经营'],
  '020703': ['流动摊贩聚集，影响通行', '学校门口小摊很多'],
  '020706': ['墙上贴满了小广告', '电线杆上到处是小广告'],
  '020708': ['晚上烧烤油烟很大', '露天烧烤到半夜'],
  '020901': ['晚上十点后还很吵，影响休息', '广场舞音响声音太大'],
  '020902': ['油烟直接排到居民楼', '饭店油烟熏得不能开窗'],
  '020903': ['河里有黑水流出', '排污口一直往河里排污水'],
  '031001': ['施工噪音很大，影响休息', '一大早就开始施工'],
  '031002': ['夜里还在施工，噪音很大', '凌晨还在打桩'],
  '031003': ['工地扬尘很大，没有洒水', '工地没有覆盖，灰尘满天'],
  '041301': ['物业不处理', '物业收费不合理'],
  '041302': ['电梯经常停运', '电梯困人，很久才有人来'],
  '041401': ['车辆长期占用消防通道', '车子停在人行道上'],
  '041402': ['电动车乱停把路堵了', '共享单车堆满人行道'],
  '041407': ['有一辆废弃车停了半年', '废弃车辆长期占用车位'],
  '041502': ['流浪狗半夜一直叫', '流浪狗追咬路人'],
  '041503': ['楼上漏水协商不成', '邻居占用公共楼道'],
  '051701': ['价格和标价不一致', '结账时多收钱'],
}
const SUBCLASS_DETAILS: Record<string, readonly string[]> = {
  '0101': ['影响周边居民用水'], '0102': ['影响行人通行'], '0103': ['存在安全隐患'], '0104': ['存在安全隐患'],
  '0105': ['影响车辆通行'], '0206': ['影响市容环境'], '0207': ['影响市容秩序'], '0208': ['影响绿化景观'],
  '0209': ['影响居民生活'], '0310': ['影响周边居民'], '0311': ['影响邻居和公共安全'], '0312': ['影响道路通行'],
  '0413': ['小区居民意见很大'], '0414': ['影响出行'], '0415': ['希望有关部门帮助'], '0516': ['影响游客游览'], '0517': ['希望有关部门查处'],
}
const GENERIC = ['请相关部门尽快处理', '已经持续好几天了', '希望尽快解决']

const LEAD_INS: Record<string, readonly string[]> = {
  hotline_12345: ['市民来电反映：', '来电人称：', '市民来电：'],
  hotline_12315: ['12315转办：消费者反映', '12315转来：'],
  hotline_12369: ['12369环保热线转来：', '12369转办：群众反映'],
  patrol: ['巡查发现：', '信息采集员上报：'],
  public_web: ['网友留言：', '市民网上反映：'],
  open311: ['（外部应用上报）', ''],
  other_system: ['城市运行平台推送：', '智能监控识别：'],
}

export function description(rng: Rng, channel: string, where: string, fineName: string | null, subclass: string | null, fineCode: string | null = null): string {
  const lead = pick(rng, LEAD_INS[channel] ?? [''])
  const list = (fineCode && DETAILS[fineCode]) || (subclass && rng() < 0.5 && SUBCLASS_DETAILS[subclass]) || GENERIC
  const detail = pick(rng, list)
  return fineName ? `${lead}${where}${fineName}，${detail}。` : `${lead}${where}，${detail}。`
}

export function consultation(rng: Rng, channel: string, title: string): string {
  return `${pick(rng, LEAD_INS[channel] ?? [''])}咨询“${title}”相关事宜。`
}

export const REJECT_REASONS = ['重复反映，已有在办工单', '反映内容不属于本平台受理范围', '来电信息不全，无法核实具体位置', '属于民事纠纷，已告知通过司法途径解决']
export const RETURN_REASONS = ['经现场核实，该问题不属于本单位职责范围', '该设施产权属其他单位，请重新派遣', '位置在相邻街道辖区内']
export const VERIFY_FAIL_REASONS = ['核查发现问题未彻底解决', '现场仍有残留，需继续处置', '处置照片与现场不符']
export const EXTENSION_REASONS = ['需协调产权单位，时间较长', '材料需外地采购，预计延后', '涉及多部门联合处置', '连续降雨无法施工']
export const RESOLVE_NOTES = ['已派人到场处置完毕', '已清理完毕并拍照留存', '已修复，恢复正常使用', '已约谈当事人并责令整改到位', '已设置警示并完成维修']
export const CLOSE_NOTES = ['经核实已处置到位，予以结案', '已答复来电人，结案', '处置完毕，市民认可']
export const REOPEN_REASONS = ['回访不满意：问题仍未解决', '回访不满意：处置不彻底，要求重新办理']
