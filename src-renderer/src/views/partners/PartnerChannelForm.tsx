import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../src-main/api/contract';
import { ApiCallError, call } from '../../api/client';

export type PartnerChannel = ProcedureOutput<'partnerNotices.channels'>['channels'][number];
type NoticeKind = PartnerChannel['noticeKinds'][number];
const NOTICE_KINDS: readonly NoticeKind[] = [
  'slot_confirmation',
  'slot_change',
  'delay_ack',
  'shortage_alert',
];

interface Props {
  partnerId: string;
  defaultLanguage: 'de' | 'en';
  /** The channel to edit; absent for a new one. */
  channel?: PartnerChannel | undefined;
  onSaved(): void;
  onCancel(): void;
}

/** Adds or edits one notice channel: a webhook (URL + signing secret) or an e-mail address. */
export function PartnerChannelForm({ partnerId, defaultLanguage, channel, onSaved, onCancel }: Props) {
  const { t } = useTranslation('partnerNotices');
  const [kind, setKind] = useState<'webhook' | 'email'>(channel?.kind ?? 'webhook');
  const [address, setAddress] = useState(channel?.address ?? '');
  const [secret, setSecret] = useState('');
  const [language, setLanguage] = useState<'de' | 'en'>(channel?.language ?? defaultLanguage);
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [kinds, setKinds] = useState<NoticeKind[]>(channel?.noticeKinds ?? [...NOTICE_KINDS]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggleKind = (value: NoticeKind) =>
    setKinds((current) =>
      current.includes(value) ? current.filter((k) => k !== value) : [...current, value],
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const common = {
        partnerId,
        language,
        enabled,
        noticeKinds: kinds,
        ...(channel ? { id: channel.id } : {}),
      };
      if (kind === 'webhook') {
        await call('partnerNotices.setChannel', {
          ...common,
          kind,
          address: address.trim(),
          ...(secret ? { secret } : {}),
        });
      } else {
        await call('partnerNotices.setChannel', { ...common, kind, address: address.trim() });
      }
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="outbox-channel-form"
      onSubmit={submit}
      aria-label={t(channel ? 'editChannel' : 'addChannel')}
      data-testid="outbox-channel-form"
    >
      <div className="segmented" role="radiogroup" aria-label={t('channelKind')}>
        {(['webhook', 'email'] as const).map((value) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="channel-kind"
              value={value}
              checked={kind === value}
              disabled={channel !== undefined}
              onChange={() => setKind(value)}
            />
            {t(`kind.${value}`)}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t(kind === 'webhook' ? 'webhookUrl' : 'emailAddress')}</span>
        <input
          className="input"
          type={kind === 'webhook' ? 'url' : 'email'}
          required
          value={address}
          placeholder={kind === 'webhook' ? 'https://partner.example/leitstand' : 'dispo@partner.example'}
          onChange={(e) => setAddress(e.target.value)}
          data-testid="channel-address"
        />
      </label>
      {kind === 'webhook' ? (
        <label className="field">
          <span>{t('secret')}</span>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            minLength={16}
            required={!channel?.hasSecret}
            value={secret}
            placeholder={channel?.hasSecret ? t('secretKept') : ''}
            onChange={(e) => setSecret(e.target.value)}
            data-testid="channel-secret"
          />
          <small>{t('secretHint')}</small>
        </label>
      ) : null}
      <label className="field">
        <span>{t('language')}</span>
        <select
          className="select"
          value={language}
          onChange={(e) => setLanguage(e.target.value as 'de' | 'en')}
        >
          <option value="de">{t('languages.de')}</option>
          <option value="en">{t('languages.en')}</option>
        </select>
      </label>
      <fieldset className="outbox-channel-form__kinds">
        <legend>{t('noticeKinds')}</legend>
        {NOTICE_KINDS.map((value) => (
          <label key={value}>
            <input type="checkbox" checked={kinds.includes(value)} onChange={() => toggleKind(value)} />
            {t(`notice.${value}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {t('enabled')}
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="outbox-channel-form__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="channel-save">
          {t('save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
