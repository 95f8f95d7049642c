import { useEffect } from 'react';
import { call, subscribe } from '../api/client';
import { type Language, setLanguage } from '../i18n/index';

// The plant's language (settings: ui.language) on every open screen, without a reload.
//
// Which wins on start: a screen where a person picked a language with the header's switch keeps it
// (that choice is about this one screen: the English-speaking planner's desk in a German plant).
// setLanguage remembers every switch in localStorage, so to tell a person's pick from the plant's,
// this remembers the language it applied itself: a stored language that equals it (or none at all)
// was not picked here, and the plant's setting applies. When the setting changes while the screen
// is open, the new plant language applies everywhere: a person just chose it for the plant.

/** The setting's key (services/settings/settingKeys; not imported, it would bundle main code). */
const LANGUAGE_SETTING = 'ui.language';
const SCREEN_CHOICE_KEY = 'leitstand.language';
const APPLIED_KEY = 'leitstand.language.fromPlant';

function pickedOnThisScreen(): boolean {
  const stored = localStorage.getItem(SCREEN_CHOICE_KEY);
  return stored !== null && stored !== localStorage.getItem(APPLIED_KEY);
}

function applyPlantLanguage(language: Language) {
  localStorage.setItem(APPLIED_KEY, language);
  setLanguage(language);
}

/** Mounted once in the app shell. */
export function usePlantLanguage(): void {
  useEffect(() => {
    let current = true;
    const follow = (evenIfPicked: boolean) => {
      call('settings.get', {})
        .then((settings) => {
          if (current && (evenIfPicked || !pickedOnThisScreen())) applyPlantLanguage(settings.language);
        })
        // Offline or refused (a viewer link without the right): the screen keeps its language.
        .catch(() => undefined);
    };
    follow(false);
    const off = subscribe('settings.changed', ({ keys }) => {
      if (keys.includes(LANGUAGE_SETTING)) follow(true);
    });
    return () => {
      current = false;
      off();
    };
  }, []);
}
