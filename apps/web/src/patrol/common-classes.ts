/**
 * The fine classes an inspector reports most (one tap each on the report form); everything else is one search
 * away in the fine-class picker. Codes of seed/taxonomy.json.
 */
export const COMMON_CLASSES = [
  '020601', // 暴露垃圾
  '020704', // 乱堆物堆料
  '020701', // 占道经营
  '020706', // 非法小广告
  '041402', // 非机动车乱停放
  '010501', // 道路破损坑洼
  '010301', // 路灯不亮或损坏
  '010201', // 污水井盖缺失或移位
] as const
