// The BCP 47 locale behind each interface language. English uses en-GB so that times stay on
// the 24-hour clock a plant runs on.
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'de-DE';
}
