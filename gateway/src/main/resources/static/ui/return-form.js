// The return form: as a figure is typed, show the band that would rate it, from the KPI's band thresholds the page
// carries (data-bands on the input). The same reading of the bounds as the server's BandRating: a band takes a value
// between its bounds, each inclusive or not, a missing bound open. Without this script the band shows after submitting.
(function () {
  'use strict';

  function contains(band, value) {
    if (band.lower !== null && (value < band.lower || (value === band.lower && !band.lowerInclusive))) {
      return false;
    }
    return !(band.upper !== null && (value > band.upper || (value === band.upper && !band.upperInclusive)));
  }

  function bandOf(input) {
    const text = input.value.trim();
    if (!/^\d+(\.\d+)?$/.test(text)) {
      return null;
    }
    if (input.dataset.max && Number(text) > Number(input.dataset.max)) {
      return null;
    }
    const matching = JSON.parse(input.dataset.bands).filter((band) => contains(band, Number(text)));
    return matching.length === 1 ? matching[0] : null;
  }

  function show(input) {
    const output = document.getElementById(input.id + '-band');
    const band = bandOf(input);
    output.textContent = '';
    if (band) {
      const tag = document.createElement('strong');
      tag.className = band.tag;
      tag.textContent = band.label;
      output.append('Band: ', tag);
    }
  }

  document.querySelectorAll('input[data-bands]').forEach((input) => {
    input.addEventListener('input', () => show(input));
    show(input);
  });
})();
