// The contract page's charts: the rating and each headline KPI over the months, from the JSON in data-chart.
// The scorecard table above them holds the same figures for anyone without JavaScript or charts.
(function () {
  const holder = document.getElementById('contract-charts');
  if (!holder || typeof Chart === 'undefined') {
    return;
  }
  const data = JSON.parse(holder.dataset.chart);
  const colours = { line: '#1d70b8', projection: '#505a5f', threshold: '#b1b4b6' };

  function canvas(title, description) {
    const figure = document.createElement('figure');
    figure.className = 'app-chart';
    const caption = document.createElement('figcaption');
    caption.className = 'govuk-body govuk-!-font-weight-bold';
    caption.textContent = title;
    const area = document.createElement('canvas');
    area.setAttribute('role', 'img');
    area.setAttribute('aria-label', description);
    figure.append(caption, area);
    holder.append(figure);
    return area;
  }

  function projectionDataset(values) {
    return {
      label: 'Projection (trajectory)', data: values, borderColor: colours.projection, borderDash: [6, 4],
      pointRadius: 3, spanGaps: true, fill: false
    };
  }

  const ratingSets = [{ label: 'Overall rating', data: data.rating.values, borderColor: colours.line,
    backgroundColor: colours.line, spanGaps: false, stepped: false }];
  if (data.rating.projection) {
    ratingSets.push(projectionDataset(data.rating.projection));
  }
  new Chart(canvas('Overall rating', 'Overall rating by month; the same ratings are in the scorecard table.'), {
    type: 'line',
    data: { labels: data.months, datasets: ratingSets },
    options: {
      animation: false,
      scales: { y: { min: 0.5, max: data.scale.length + 0.5,
        ticks: { stepSize: 1, callback: (value) => data.scale[value - 1] || '' } } }
    }
  });

  data.kpis.forEach((kpi) => {
    const sets = [{ label: kpi.name, data: kpi.values, borderColor: colours.line, backgroundColor: colours.line }];
    if (kpi.projection) {
      sets.push(projectionDataset(kpi.projection));
    }
    kpi.thresholds.forEach((threshold) => {
      sets.push({ label: threshold.label, data: data.months.map(() => threshold.value), borderColor: colours.threshold,
        borderWidth: 1, borderDash: [2, 2], pointRadius: 0, fill: false });
    });
    new Chart(canvas(kpi.name + ' (' + kpi.code + ')', kpi.name + ' by month with its band thresholds; '
      + 'the same values are in the scorecard table.'), {
      type: 'line',
      data: { labels: data.months, datasets: sets },
      options: { animation: false }
    });
  });
}());
