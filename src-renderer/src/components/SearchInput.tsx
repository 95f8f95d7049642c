import type { RefObject } from 'react';
import { Icon } from './icons';

/** A search field with its icon; `shortcut` shows the key that focuses it (the view binds it). */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
  testId,
  inputRef,
  shortcut,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
  testId: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  shortcut?: string;
}) {
  return (
    <search className="search">
      <Icon name="search" size={16} />
      <input
        ref={inputRef}
        type="search"
        className="input"
        value={value}
        maxLength={100}
        placeholder={placeholder}
        aria-label={label}
        aria-keyshortcuts={shortcut}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {shortcut && !value ? <kbd className="search__hint">{shortcut}</kbd> : null}
    </search>
  );
}
