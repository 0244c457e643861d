import { ACTION_LABELS, STATE_LABELS, type IncidentState, type WorkflowAction, type ZhEnText } from './states.ts'
import type { ExtensionErrorCode } from '../deadlines/extension.ts'

/** Stable error codes of `checkTransition` (the API maps them to problem details). */
export type TransitionErrorCode =
  | 'unknown_action'
  | 'transition_not_allowed'
  | 'role_not_allowed'
  | 'type_not_allowed'
  | 'extension_pending'
  | 'no_pending_extension'
  | 'type_required'
  | 'unit_required'
  | 'note_required'
  | 'reason_required'
  | 'photo_required'
  | 'hazard_mark_required'
  | 'primary_required'
  | 'merge_into_self'
  | 'due_required'
  | 'due_invalid'
  | 'decision_required'
  | ExtensionErrorCode

const stateLabel = (s: string): ZhEnText => STATE_LABELS[s as IncidentState] ?? { zh: s, en: s }
const actionLabel = (a: string): ZhEnText => ACTION_LABELS[a as WorkflowAction] ?? { zh: a, en: a }

export const transitionMessages = {
  unknownAction: (action: string): ZhEnText => ({
    zh: `未知的操作“${action}”`,
    en: `Unknown action "${action}"`,
  }),
  transitionNotAllowed: (state: string, action: string): ZhEnText => ({
    zh: `案件处于“${stateLabel(state).zh}”状态，不能执行“${actionLabel(action).zh}”`,
    en: `"${actionLabel(action).en}" is not possible while the incident is ${stateLabel(state).en.toLowerCase()}`,
  }),
  roleNotAllowed: (role: string, action: string): ZhEnText => ({
    zh: `当前角色（${role}）无权执行“${actionLabel(action).zh}”`,
    en: `The role ${role} may not "${actionLabel(action).en}"`,
  }),
  typeNotAllowed: (): ZhEnText => ({
    zh: '只有咨询类或简单诉求可由中心直接答复结案',
    en: 'Only consultations and simple requests can be answered and closed by the center',
  }),
  extensionPending: (): ZhEnText => ({
    zh: '已有延期申请待审批',
    en: 'An extension request is already waiting for a decision',
  }),
  noPendingExtension: (): ZhEnText => ({
    zh: '没有待审批的延期申请',
    en: 'There is no extension request to decide',
  }),
  typeRequired: (): ZhEnText => ({
    zh: '立案须确定诉求类型（投诉、咨询、简单诉求或紧急事项）',
    en: 'Registering needs the incident type (complaint, consultation, simple or urgent)',
  }),
  unitRequired: (): ZhEnText => ({ zh: '请选择责任单位', en: 'Choose the unit to dispatch to' }),
  noteRequired: (): ZhEnText => ({ zh: '请填写处理说明', en: 'A note is required' }),
  reasonRequired: (): ZhEnText => ({ zh: '请填写原因', en: 'A reason is required' }),
  afterPhotoRequired: (): ZhEnText => ({
    zh: '请至少上传一张处置后照片',
    en: 'At least one photo taken after the work is required',
  }),
  beforePhotoRequired: (): ZhEnText => ({
    zh: '请至少上传一张处置前照片',
    en: 'At least one photo taken before the work is required',
  }),
  hazardMarkRequired: (): ZhEnText => ({
    zh: '存在安全隐患的事项，退回前须先设置提醒标识等预处理',
    en: 'This is a safety hazard: put up a warning sign (mark the hazard) before returning it',
  }),
  primaryRequired: (): ZhEnText => ({
    zh: '请选择要合并到的主案件',
    en: 'Choose the primary incident to merge into',
  }),
  mergeIntoSelf: (): ZhEnText => ({ zh: '案件不能合并到自身', en: 'An incident cannot be merged into itself' }),
  dueRequired: (): ZhEnText => ({ zh: '请填写申请延期至的时间', en: 'The requested new deadline is required' }),
  dueInvalid: (): ZhEnText => ({ zh: '申请延期至的时间无效', en: 'The requested new deadline is not a valid time' }),
  decisionRequired: (): ZhEnText => ({
    zh: '请选择同意或不同意延期',
    en: 'Choose whether to approve the extension',
  }),
}
