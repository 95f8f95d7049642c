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
    // Emphasised trucks last, so that they are drawn on top of their neighbours.
    const emphasised = (id: string) =>
      id === this.selectedId || id === this.highlightedId || id === this.hoveredId;
    const ordered = [...this.projected].sort(
      (a, b) => Number(emphasised(a.mark.id)) - Number(emphasised(b.mark.id)),
    );
    for (const { mark, x, y } of ordered) {
      this.drawTruck(context, mark, x + offsetX, y + offsetY, colors, outline, emphasised(mark.id));
    }
    this.callbacks.onClusters?.(this.projectedClusters.length);
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
    context.beginPath();
    if (mark.heading === null || !Number.isFinite(mark.heading)) {
      context.arc(0, 0, radius * 0.8, 0, Math.PI * 2);
    } else {
      // An arrowhead pointing where the truck drives: the map then shows the flow to the plant.
      context.rotate((mark.heading * Math.PI) / 180);
      context.moveTo(0, -radius * 1.3);
      context.lineTo(radius, radius);
      context.lineTo(0, radius * 0.45);
      context.lineTo(-radius, radius);
      context.closePath();
    }
    context.fill();
    context.stroke();
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

function measureUpdate(start: number, count: number): void {
  measuresTaken += 1;
  if (measuresTaken % MEASURES_KEPT === 0) performance.clearMeasures(TRUCKS_UPDATE_MEASURE);
  performance.measure(TRUCKS_UPDATE_MEASURE, { start, end: performance.now(), detail: { count } });
}
