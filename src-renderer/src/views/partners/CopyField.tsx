import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a copy button; without a clipboard (plain http) the text is selected. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation('partners');
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id} className="copy-field__label">
        {label}
      </label>
      <span className="copy-field__row">
        <input
          id={id}
          ref={field}
          readOnly
          className="input mono copy-field__input"
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <button
          type="button"
          className="button"
          onClick={() => void copy()}
          aria-label={`${t('tokens.copy')}: ${label}`}
          data-testid={`${testId}-copy`}
        >
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </button>
      </span>
    </div>
  );
}
