import type { IControl } from 'maplibre-gl'

/** The discreet chip a map without a basemap shows beside its attribution (docs/BASEMAPS.md). */
export class NoBasemapControl implements IControl {
  readonly el: HTMLElement
  constructor(text: string, title: string) {
    this.el = document.createElement('div')
    this.el.className = 'maplibregl-ctrl hj-no-basemap'
    this.el.dataset.testid = 'no-basemap'
    this.el.textContent = text
    this.el.title = title
    this.el.setAttribute('role', 'note')
  }
  onAdd(): HTMLElement {
    return this.el
  }
  onRemove(): void {
    this.el.remove()
  }
}
