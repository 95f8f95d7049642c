import { DomUtil, Layer, type Map as LeafletMap, type LeafletMouseEvent, type Point } from 'leaflet';
import type { PunctualityClass } from '../../../../src-main/domain/punctuality';
import { type ClassColors, classAtRank, readClassColors } from './truckClasses';
import { type ClusterMark, TruckClusters } from './truckClusters';

/** What the layer needs of a truck to draw it. */
export interface TruckMark {
  id: string;
  lat: number;
  lon: number;
  /** Degrees clockwise from north; null when the truck has not reported one (drawn as a dot). */
  heading: number | null;
  punctuality: PunctualityClass;
}

export interface TruckLayerCallbacks {
  onHover(id: string | null, at: Point | null): void;
  onSelect(id: string): void;
  /** After each draw: how many cluster circles are drawn (0 when not clustering). */
  onClusters?(count: number): void;
}

/** Canvas beyond the visible map on each side, as a share of its size: panning shows no gaps. */
const PADDING = 0.5;
/** Above tracks and the geofence (overlayPane, 400), below the plant marker (markerPane, 600). */
const PANE = 'trucks';
const PANE_Z_INDEX = '450';
/** Pointer slack around a marker, in CSS pixels, so a moving truck stays easy to hit. */
const HIT_SLACK = 5;
/**
 * User-timing entry around one update (new data → drawn canvas). Permanent and cheap (two clock
 * reads, one entry): `npm run bench` reads it, and the DevTools performance panel shows it.
 */
export const TRUCKS_UPDATE_MEASURE = 'leitstand:trucks-update';
/** Entries kept before the oldest are dropped, so a wall running all shift does not grow them. */
const MEASURES_KEPT = 600;
let measuresTaken = 0;

/**
 * Every truck on one canvas. A control room watches hundreds of trucks; one DOM node (or one SVG
 * path) per truck makes panning and the once-a-second refresh stutter, one canvas does not.
 * Pointer hit-testing is done here, against the projected positions of the last draw.
 */
export class TruckCanvasLayer extends Layer {
  private canvas: HTMLCanvasElement | null = null;
  private trucks: readonly TruckMark[] = [];
  private selectedId: string | null = null;
  private highlightedId: string | null = null;
  private projected: { mark: TruckMark; x: number; y: number }[] = [];
  private projectedClusters: (ClusterMark & { x: number; y: number })[] = [];
  private hoveredId: string | null = null;
  private readonly clusters: TruckClusters | null;
  private sprites: {
    key: string;
    atlas: HTMLCanvasElement;
    /** A sprite's size in CSS pixels, and in atlas pixels. */
    cell: number;
    source: number;
    half: number;
  } | null = null;

  constructor(
    private readonly callbacks: TruckLayerCallbacks,
    /** Marker size factor: 1 on the desk, larger on the wall screen. */
    private readonly scale = 1,
    /** Below a zoom level, draw nearby trucks as one circle with their count. */
    cluster = false,
  ) {
    super({ pane: PANE });
    this.clusters = cluster ? new TruckClusters() : null;
  }

  override onAdd(map: LeafletMap): this {
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = PANE_Z_INDEX;
    const canvas = DomUtil.create('canvas', 'truck-canvas leaflet-zoom-hide');
    canvas.setAttribute('aria-hidden', 'true');
    // The map element gets the pointer events; hits are computed here, not by the DOM.
    canvas.style.pointerEvents = 'none';
    this.getPane()?.appendChild(canvas);
    this.canvas = canvas;
    map.on('moveend zoomend resize viewreset', this.reset, this);
    map.on('mousemove', this.handleMove, this);
    map.on('mouseout', this.handleOut, this);
    map.on('click', this.handleClick, this);
    this.reset();
    return this;
  }

  override onRemove(map: LeafletMap): this {
    map.off('moveend zoomend resize viewreset', this.reset, this);
    map.off('mousemove', this.handleMove, this);
    map.off('mouseout', this.handleOut, this);
    map.off('click', this.handleClick, this);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Replaces what is drawn; returns the number of trucks drawn. */
  setTrucks(trucks: readonly TruckMark[], selectedId: string | null, highlightedId: string | null): number {
    const start = performance.now();
    if (trucks !== this.trucks || selectedId !== this.selectedId) this.clusters?.invalidate();
    this.trucks = trucks;
    this.selectedId = selectedId;
    this.highlightedId = highlightedId;
    this.draw();
    measureUpdate(start, trucks.length);
    return trucks.length;
  }

  private reset(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(size.x * (1 + 2 * PADDING));
    const height = Math.round(size.y * (1 + 2 * PADDING));
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    DomUtil.setPosition(canvas, map.containerPointToLayerPoint([-size.x * PADDING, -size.y * PADDING]));
    this.draw();
  }

  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    const size = map.getSize();
    const offsetX = size.x * PADDING;
    const offsetY = size.y * PADDING;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    const colors = readClassColors(map.getContainer());
    const outline =
      getComputedStyle(map.getContainer()).getPropertyValue('--map-marker-outline').trim() || '#fff';

    const grouped = this.clusters?.grouped(map, this.trucks, this.selectedId, PADDING) ?? null;
    const singles = grouped ? grouped.singles : this.trucks;
    this.projected = singles.map((mark) => {
      const point = map.latLngToContainerPoint([mark.lat, mark.lon]);
      return { mark, x: point.x, y: point.y };
    });
    this.projectedClusters = (grouped?.clusters ?? []).map((cluster) => {
      const point = map.latLngToContainerPoint([cluster.lat, cluster.lon]);
      return { ...cluster, x: point.x, y: point.y };
    });
    for (const cluster of this.projectedClusters) {
      this.drawCluster(context, cluster, cluster.x + offsetX, cluster.y + offsetY, colors, outline);
    }
    // One pre-drawn sprite stamped per truck (see spritesFor), class by class: the most urgent class
    // is drawn last, so a late truck is never hidden under others; emphasised trucks come after all
    // of them, drawn one by one, larger and with their halo.
    const emphasised = (id: string) =>
      id === this.selectedId || id === this.highlightedId || id === this.hoveredId;
    const buckets = new Map<PunctualityClass, { mark: TruckMark; x: number; y: number }[]>();
    const onTop: { mark: TruckMark; x: number; y: number }[] = [];
    for (const entry of this.projected) {
      if (emphasised(entry.mark.id)) {
        onTop.push(entry);
        continue;
      }
      const bucket = buckets.get(entry.mark.punctuality);
      if (bucket) bucket.push(entry);
      else buckets.set(entry.mark.punctuality, [entry]);
    }
    const sprites = this.spritesFor(colors, outline, ratio);
    const { atlas, cell, half, source } = sprites;
    DRAW_ORDER.forEach((cls, row) => {
      for (const { mark, x, y } of buckets.get(cls) ?? []) {
        const column = spriteColumn(mark.heading);
        // Whole device pixels: the sprite is copied, not resampled.
        const left = Math.round((x + offsetX - half) * ratio) / ratio;
        const top = Math.round((y + offsetY - half) * ratio) / ratio;
        context.drawImage(atlas, column * source, row * source, source, source, left, top, cell, cell);
      }
    });
    for (const { mark, x, y } of onTop) {
      this.drawTruck(context, mark, x + offsetX, y + offsetY, colors, outline, true);
    }
    this.callbacks.onClusters?.(this.projectedClusters.length);
  }

  /**
   * Every truck shape pre-drawn once: a row per class, a column per heading step plus one for the
   * dot. A draw then stamps one image per truck instead of building and filling a path for each.
   * Rebuilt only when the colours, the scale or the pixel ratio change.
   */
  private spritesFor(colors: ClassColors, outline: string, ratio: number) {
    const key = `${ratio}|${this.scale}|${outline}|${DRAW_ORDER.map((cls) => colors[cls]).join(',')}`;
    if (this.sprites?.key === key) return this.sprites;
    const radius = 7 * this.scale;
    const lineWidth = 1.5 * this.scale;
    // The arrow reaches 1.3 r ahead and r·√2 to its back corners, plus half the outline.
    const half = Math.ceil(radius * Math.SQRT2 + lineWidth + 1);
    const cell = half * 2;
    const source = Math.ceil(cell * ratio);
    const atlas = document.createElement('canvas');
    atlas.width = source * (HEADING_STEPS + 1);
    atlas.height = source * DRAW_ORDER.length;
    const context = atlas.getContext('2d');
    if (context) {
      context.setTransform(source / cell, 0, 0, source / cell, 0, 0);
      context.strokeStyle = outline;
      context.lineWidth = lineWidth;
      DRAW_ORDER.forEach((cls, row) => {
        context.fillStyle = colors[cls];
        for (let column = 0; column <= HEADING_STEPS; column += 1) {
          const path = new Path2D();
          const heading = column === HEADING_STEPS ? null : (column * 360) / HEADING_STEPS;
          traceTruck(path, heading, column * cell + half, row * cell + half, radius);
          context.fill(path);
          context.stroke(path);
        }
      });
    }
    this.sprites = { key, atlas, cell, source, half };
    return this.sprites;
  }

  private clusterRadius(count: number): number {
    return (11 + Math.min(14, Math.log2(count) * 3)) * this.scale;
  }

  private drawCluster(
    context: CanvasRenderingContext2D,
    cluster: ClusterMark,
    x: number,
    y: number,
    colors: ClassColors,
    outline: string,
  ): void {
    const radius = this.clusterRadius(cluster.count);
    const color = colors[classAtRank(cluster.worstRank)];
    context.save();
    context.beginPath();
    context.arc(x, y, radius + 4 * this.scale, 0, Math.PI * 2);
    context.fillStyle = color;
    context.globalAlpha = 0.3;
    context.fill();
    context.globalAlpha = 1;
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fill();
    context.strokeStyle = outline;
    context.lineWidth = 1.5 * this.scale;
    context.stroke();
    context.fillStyle = '#fff';
    context.font = `600 ${Math.round(12 * this.scale)}px system-ui, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(String(cluster.count), x, y + 0.5);
    context.restore();
  }

  private clusterAt(point: Point): (ClusterMark & { x: number; y: number }) | null {
    for (const cluster of this.projectedClusters) {
      const reach = this.clusterRadius(cluster.count) + HIT_SLACK;
      if ((cluster.x - point.x) ** 2 + (cluster.y - point.y) ** 2 <= reach * reach) return cluster;
    }
    return null;
  }

  private drawTruck(
    context: CanvasRenderingContext2D,
    mark: TruckMark,
    x: number,
    y: number,
    colors: ClassColors,
    outline: string,
    emphasised: boolean,
  ): void {
    const radius = 7 * this.scale * (emphasised ? 1.4 : 1);
    context.save();
    context.translate(x, y);
    if (mark.id === this.selectedId) {
      // A halo that reads on land and on water, in both themes.
      context.beginPath();
      context.arc(0, 0, radius * 1.9, 0, Math.PI * 2);
      context.fillStyle = colors[mark.punctuality];
      context.globalAlpha = 0.3;
      context.fill();
      context.globalAlpha = 1;
    }
    context.fillStyle = colors[mark.punctuality];
    context.strokeStyle = outline;
    context.lineWidth = 1.5 * this.scale;
    const path = new Path2D();
    traceTruck(path, mark.heading, 0, 0, radius);
    context.fill(path);
    context.stroke(path);
    context.restore();
  }

  private truckAt(point: Point): TruckMark | null {
    const reach = 7 * this.scale + HIT_SLACK;
    let best: TruckMark | null = null;
    let bestDistance = reach * reach;
    for (const { mark, x, y } of this.projected) {
      const distance = (x - point.x) ** 2 + (y - point.y) ** 2;
      if (distance <= bestDistance) {
        best = mark;
        bestDistance = distance;
      }
    }
    return best;
  }

  private handleMove(event: LeafletMouseEvent): void {
    const hit = this.truckAt(event.containerPoint);
    const id = hit?.id ?? null;
    const overCluster = !hit && this.clusterAt(event.containerPoint) !== null;
    this._map.getContainer().style.cursor = hit || overCluster ? 'pointer' : '';
    if (id !== this.hoveredId) {
      this.hoveredId = id;
      this.draw();
    }
    this.callbacks.onHover(id, hit ? event.containerPoint : null);
  }

  private handleOut(): void {
    if (this.hoveredId === null) return;
    this.hoveredId = null;
    this._map.getContainer().style.cursor = '';
    this.draw();
    this.callbacks.onHover(null, null);
  }

  private handleClick(event: LeafletMouseEvent): void {
    const hit = this.truckAt(event.containerPoint);
    if (hit) {
      this.callbacks.onSelect(hit.id);
      return;
    }
    const cluster = this.clusterAt(event.containerPoint);
    if (cluster && this.clusters) {
      const map = this._map;
      const zoom = Math.max(this.clusters.expansionZoom(cluster.clusterId), map.getZoom() + 1);
      map.setView([cluster.lat, cluster.lon], Math.min(zoom, map.getMaxZoom()));
    }
  }
}

/** Headings are drawn in steps of 360° / HEADING_STEPS (5°): finer than the eye reads on a map. */
const HEADING_STEPS = 72;

/** The atlas column of a heading: its step, or the last column (the dot) when there is none. */
function spriteColumn(heading: number | null): number {
  if (heading === null || !Number.isFinite(heading)) return HEADING_STEPS;
  const turned = ((heading % 360) + 360) % 360;
  return Math.round((turned * HEADING_STEPS) / 360) % HEADING_STEPS;
}

/** Least urgent first: later classes are drawn over earlier ones. */
const DRAW_ORDER: readonly PunctualityClass[] = [
  'cancelled',
  'completed',
  'at_plant',
  'on_time',
  'at_risk',
  'late',
];

/**
 * Adds one truck's shape at (x, y) to a path: an arrowhead pointing where the truck drives (the map
 * then shows the flow to the plant), or a dot when it has not reported a heading.
 */
function traceTruck(path: Path2D, heading: number | null, x: number, y: number, radius: number): void {
  if (heading === null || !Number.isFinite(heading)) {
    path.moveTo(x + radius * 0.8, y);
    path.arc(x, y, radius * 0.8, 0, Math.PI * 2);
    return;
  }
  const angle = (heading * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // The arrow's points (0, -1.3r), (r, r), (0, 0.45r), (-r, r) in its own frame (pointing up),
  // turned as context.rotate(angle) would turn them.
  const c = radius * cos;
  const s = radius * sin;
  path.moveTo(x + 1.3 * s, y - 1.3 * c);
  path.lineTo(x + c - s, y + s + c);
  path.lineTo(x - 0.45 * s, y + 0.45 * c);
  path.lineTo(x - c - s, y - s + c);
  path.closePath();
}

function measureUpdate(start: number, count: number): void {
  measuresTaken += 1;
  if (measuresTaken % MEASURES_KEPT === 0) performance.clearMeasures(TRUCKS_UPDATE_MEASURE);
  performance.measure(TRUCKS_UPDATE_MEASURE, { start, end: performance.now(), detail: { count } });
}
