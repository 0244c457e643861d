export type IconName =
  | 'map'
  | 'info'
  | 'layers'
  | 'close'
  | 'retry'
  | 'target'
  | 'alert'
  | 'copy'
  | 'check'
  | 'chevron-right'
  | 'globe'
  | 'expand'
  | 'pin'
  | 'search'
  | 'chevron-down'
  | 'area'
  | 'dispatch'
  | 'users'
  | 'unit'
  | 'audit'
  | 'logout'
  | 'lock'
  | 'eye'
  | 'eye-off'
  | 'plus'
  | 'bell'
  | 'camera'
  | 'download'
  | 'workbench'
  | 'menu'
  | 'phone'
  | 'pen'

export const ICON_PATHS: Record<IconName, string> = {
  map: 'M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Zm0 0v14m6-12v14',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-5v-5m0-3h.01',
  layers: 'm12 3 9 5-9 5-9-5 9-5Zm-9 9 9 5 9-5M3 16l9 5 9-5',
  close: 'M6 6l12 12M18 6 6 18',
  menu: 'M4 6h16M4 12h16M4 18h16',
  pen: 'M4 20h4L18.5 9.5a2.12 2.12 0 0 0-3-3L5 17v3Zm9.5-11.5 3 3',
  phone:
    'M21 16.4v3a2 2 0 0 1-2.2 2 19.6 19.6 0 0 1-8.5-3 19.3 19.3 0 0 1-6-6 19.6 19.6 0 0 1-3-8.6A2 2 0 0 1 3.3 1.6h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L7.3 9.4a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.5 2Z',
  retry: 'M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5',
  target: 'M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm0-4a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM12 2v3m0 14v3M2 12h3m14 0h3',
  alert: 'M12 3 2 20h20L12 3Zm0 6v5m0 3h.01',
  copy: 'M9 9h10v11H9zM5 15H4V4h11v1',
  check: 'm5 12 4.5 4.5L19 7',
  'chevron-right': 'm9 6 6 6-6 6',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-9-9h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3Z',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5m11-5v5h-5',
  pin: 'M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21Zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
  search: 'm20 20-4.2-4.2M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13Z',
  'chevron-down': 'm6 9 6 6 6-6',
  area: 'M4 4h16v16H4zM4 12l8-8M4 20 20 4M12 20l8-8',
  dispatch: 'M4 6h10M4 12h10M4 18h6m8-9 3 3-3 3m3-3h-7',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 10v-1a6 6 0 0 1 12 0v1m2-10a3 3 0 1 0 0-6m6 16v-1a5 5 0 0 0-3.5-4.8',
  unit: 'M4 21V5l8-3 8 3v16M4 21h16M9 9h1m4 0h1M9 13h1m4 0h1m-5 8v-4h4v4',
  audit: 'M9 4H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-3M9 4a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v1H9V4Zm0 8h6m-6 4h4',
  logout: 'M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 1 1 8 0v4',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z',
  'eye-off': 'M3 3l18 18M10.6 5.1A10.6 10.6 0 0 1 12 5c6.4 0 10 7 10 7a17 17 0 0 1-3.1 3.9M6.6 6.6C3.8 8.4 2 12 2 12s3.6 7 10 7c1.7 0 3.2-.5 4.5-1.2M9.9 9.9a3 3 0 0 0 4.2 4.2',
  plus: 'M12 5v14M5 12h14',
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2Zm4 4a2 2 0 0 0 4 0',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4V8Zm8 9a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z',
  download: 'M12 4v11m-5-5 5 5 5-5M5 20h14',
  workbench: 'M4 5h16v4H4zM4 13h7v6H4zM15 13h5v6h-5z',
}
