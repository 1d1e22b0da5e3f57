import { useCallback } from 'react';

/**
 * A ref that widens an input so its placeholder is never cut off, whatever the language and font.
 * The placeholder is put in as the value for a moment, with no event: the input lays it out as it
 * lays out the placeholder (same font, same room left beside a search box's clear button), so its
 * overflow is exactly the width missing. Measured again once web fonts have loaded.
 */
export function useFitPlaceholder(placeholder: string) {
  return useCallback(
    (input: HTMLInputElement | null) => {
      if (!input) return;
      let attached = true;
      const fit = () => {
        if (!attached) return;
        input.style.minWidth = '';
        const typed = input.value;
        input.value = placeholder;
        const missing = input.scrollWidth - input.clientWidth;
        input.value = typed;
        if (missing > 0) input.style.minWidth = `${input.offsetWidth + missing}px`;
      };
      fit();
      void document.fonts.ready.then(fit);
      return () => {
        attached = false;
      };
    },
    [placeholder],
  );
}
