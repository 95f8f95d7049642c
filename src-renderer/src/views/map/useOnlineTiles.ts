import { useCallback, useState } from 'react';

const STORAGE_KEY = 'leitstand.map.onlineTiles';

/** The base-map choice, remembered per screen; offline unless someone chose otherwise here. */
export function useOnlineTiles(): [boolean, (online: boolean) => void] {
  const [online, setOnline] = useState(() => localStorage.getItem(STORAGE_KEY) === 'true');
  const change = useCallback((next: boolean) => {
    localStorage.setItem(STORAGE_KEY, String(next));
    setOnline(next);
  }, []);
  return [online, change];
}
