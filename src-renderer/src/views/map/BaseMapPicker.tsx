import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PmtilesFileProblem } from '../../components/map/pmtilesFile';
import {
  DEFAULT_TILE_SOURCE,
  MAX_ATTRIBUTION_LENGTH,
  type TileSource,
  type TileSourceProblems,
  tileSourceProblems,
} from '../../components/map/tileSource';
import type { BaseMapChoice } from './useBaseMapSettings';

const CHOICES: readonly BaseMapChoice[] = ['offline', 'online', 'pmtiles'];

export interface BaseMapPickerProps {
  choice: BaseMapChoice;
  onChoice: (choice: BaseMapChoice) => void;
  tileSource: TileSource;
  onTileSource: (source: TileSource) => void;
  pmtilesFile: File | null;
  onPmtilesFile: (file: File | null) => void;
  pmtilesProblem: PmtilesFileProblem | null;
}

/**
 * The base map: the offline map (always works), online tiles (need the internet; URL and
 * attribution configurable) or a local PMTiles file (full streets offline, picked per session).
 */
export function BaseMapPicker({
  choice,
  onChoice,
  tileSource,
  onTileSource,
  pmtilesFile,
  onPmtilesFile,
  pmtilesProblem,
}: BaseMapPickerProps) {
  const { t } = useTranslation('map');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const fileHintId = useId();

  const closeSettings = () => {
    setSettingsOpen(false);
    settingsButton.current?.focus();
  };

  return (
    <div className="base-map-picker">
      <div className="base-map-picker__row">
        <fieldset className="tile-toggle">
          <legend className="tile-toggle__legend">{t('tiles.label')}</legend>
          {CHOICES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={choice === option}
              onClick={() => onChoice(option)}
              title={t(`tiles.${option}Hint`)}
              data-testid={`tiles-${option}`}
            >
              {t(`tiles.${option}`)}
            </button>
          ))}
        </fieldset>
        {choice === 'online' ? (
          <button
            ref={settingsButton}
            type="button"
            className="base-map-picker__settings"
            aria-expanded={settingsOpen}
            aria-controls={panelId}
            onClick={() => setSettingsOpen((open) => !open)}
            data-testid="tile-settings"
          >
            {t('tiles.settings')}
          </button>
        ) : null}
      </div>
      {choice === 'online' && settingsOpen ? (
        <TileSourceForm id={panelId} source={tileSource} onSave={onTileSource} onClose={closeSettings} />
      ) : null}
      {choice === 'pmtiles' ? (
        <div className="base-map-picker__panel">
          <label className="base-map-picker__field">
            <span>{t('tiles.pmtilesFile')}</span>
            <input
              type="file"
              accept=".pmtiles"
              aria-describedby={fileHintId}
              onChange={(event) => onPmtilesFile(event.currentTarget.files?.[0] ?? null)}
              data-testid="pmtiles-file"
            />
          </label>
          <p id={fileHintId} className="base-map-picker__hint">
            {pmtilesFile ? t('tiles.pmtilesOpen', { name: pmtilesFile.name }) : null}{' '}
            {t('tiles.pmtilesSession')}
          </p>
          {pmtilesProblem ? (
            <p className="base-map-picker__error" role="alert" data-testid="pmtiles-problem">
              {t(`tiles.pmtilesProblem.${pmtilesProblem}`)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function TileSourceForm({
  id,
  source,
  onSave,
  onClose,
}: {
  id: string;
  source: TileSource;
  onSave: (source: TileSource) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('map');
  const [url, setUrl] = useState(source.url);
  const [attribution, setAttribution] = useState(source.attribution);
  const [problems, setProblems] = useState<TileSourceProblems>({});
  const urlInput = useRef<HTMLInputElement>(null);
  const urlErrorId = useId();
  const attributionErrorId = useId();

  useEffect(() => urlInput.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { url: url.trim(), attribution: attribution.trim() };
    const found = tileSourceProblems(next);
    setProblems(found);
    if (found.url || found.attribution) return;
    onSave(next);
    onClose();
  };

  return (
    <form
      id={id}
      className="base-map-picker__panel"
      aria-label={t('tiles.settingsTitle')}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
      noValidate
      data-testid="tile-settings-form"
    >
      {/* Remembered on this screen only, until plant-wide settings exist. */}
      <p className="base-map-picker__hint">{t('tiles.settingsHint')}</p>
      <label className="base-map-picker__field">
        <span>{t('tiles.url')}</span>
        <input
          ref={urlInput}
          type="url"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          aria-invalid={problems.url ? true : undefined}
          aria-describedby={problems.url ? urlErrorId : undefined}
          spellCheck={false}
          data-testid="tile-url"
        />
      </label>
      {problems.url ? (
        <p id={urlErrorId} className="base-map-picker__error">
          {t(`tiles.urlProblem.${problems.url}`)}
        </p>
      ) : null}
      <label className="base-map-picker__field">
        <span>{t('tiles.attribution', { max: MAX_ATTRIBUTION_LENGTH })}</span>
        <input
          type="text"
          value={attribution}
          onChange={(event) => setAttribution(event.currentTarget.value)}
          aria-invalid={problems.attribution ? true : undefined}
          aria-describedby={problems.attribution ? attributionErrorId : undefined}
          data-testid="tile-attribution"
        />
      </label>
      {problems.attribution ? (
        <p id={attributionErrorId} className="base-map-picker__error">
          {t(`tiles.attributionProblem.${problems.attribution}`, { max: MAX_ATTRIBUTION_LENGTH })}
        </p>
      ) : null}
      <div className="base-map-picker__actions">
        <button type="submit" data-testid="tile-save">
          {t('tiles.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            setUrl(DEFAULT_TILE_SOURCE.url);
            setAttribution(DEFAULT_TILE_SOURCE.attribution);
            setProblems({});
          }}
        >
          {t('tiles.reset')}
        </button>
        <button type="button" onClick={onClose}>
          {t('tiles.cancel')}
        </button>
      </div>
    </form>
  );
}
