/* CV Generator dashboard: draws the charts from the JSON data block (the script element #data).
   Text from the data reaches the page only through Chart.js's canvas drawing, never as HTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var style = getComputedStyle(document.documentElement);
  function css(name) { return style.getPropertyValue(name).trim(); }
  /* a label as lines of at most `width` characters, broken between words */
  function wrap(text, width) {
    var lines = [];
    String(text).split(/\s+/).forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + ' ' + word).length <= width) lines[last] += ' ' + word;
      else lines.push(word);
    });
    return lines;
  }
  function band(percent) { return percent >= 75 ? css('--good') : percent >= 50 ? css('--fair') : css('--poor'); }

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = css('--muted');
  Chart.defaults.borderColor = css('--line');
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.display = false;

  var charts = [];
  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) charts.push(new Chart(canvas, config));
  }

  if (data.match) {
    var score = data.match.score;
    draw('chart-match', {
      type: 'doughnut',
      data: {
        labels: [data.labels.score, ''],
        datasets: [{ data: [score, 100 - score], backgroundColor: [band(score), css('--track')], borderWidth: 0 }]
      },
      options: { rotation: -90, circumference: 180, cutout: '74%', plugins: { tooltip: { enabled: false } } }
    });
  }

  if (data.match && data.match.components.length) {
    var components = data.match.components;
    draw('chart-coverage', {
      type: 'bar',
      data: {
        labels: components.map(function (c) { return c.label; }),
        datasets: [{
          data: components.map(function (c) { return c.percent; }),
          backgroundColor: components.map(function (c) { return band(c.percent); }),
          borderRadius: 6, barPercentage: 0.7, categoryPercentage: 0.9
        }]
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { min: 0, max: 100, ticks: { stepSize: 25, callback: function (v) { return v + ' %'; } } },
          y: { grid: { display: false }, ticks: { color: css('--ink') } }
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var c = components[ctx.dataIndex];
                return c.percent + ' % · ' + data.labels.weight + ' ' + c.weightPercent + ' %';
              }
            }
          }
        }
      }
    });
  }

  if (data.skills) {
    var categories = data.skills.categories;
    var labels = categories.map(function (c) { return c.label; });
    var counts = categories.map(function (c) { return c.count; });
    if (data.skills.radar) {
      draw('chart-skills', {
        type: 'radar',
        data: {
          labels: labels.map(function (l) { return wrap(l, 14); }),
          datasets: [{
            label: data.labels.skills, data: counts, fill: true, backgroundColor: css('--accent-soft'),
            borderColor: css('--accent'), pointBackgroundColor: css('--accent'), borderWidth: 2
          }]
        },
        options: {
          scales: {
            r: {
              beginAtZero: true, ticks: { display: false, precision: 0 },
              pointLabels: { color: css('--ink'), font: { size: 12 } }
            }
          }
        }
      });
    } else {
      draw('chart-skills', {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: data.labels.skills, data: counts, backgroundColor: css('--accent'), borderRadius: 6, barPercentage: 0.6 }] },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false }, ticks: { color: css('--ink') } } } }
      });
    }
  }

  if (data.timeline) {
    var entries = data.timeline.entries;
    draw('chart-timeline', {
      type: 'bar',
      data: {
        labels: entries.map(function (e) { return e.label; }),
        datasets: [{
          data: entries.map(function (e) { return [e.start, e.end]; }),
          backgroundColor: entries.map(function (e) { return e.ongoing ? css('--accent') : css('--accent-2'); }),
          borderRadius: 5, borderSkipped: false, barPercentage: 0.72, categoryPercentage: 0.9
        }]
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: {
            type: 'linear', min: data.timeline.min, max: data.timeline.max,
            ticks: {
              stepSize: data.timeline.step, maxRotation: 0, autoSkip: true,
              callback: function (v) { return Number.isInteger(v) ? String(v) : ''; }
            }
          },
          y: { grid: { display: false }, ticks: { color: css('--ink') } }
        },
        plugins: { tooltip: { callbacks: { label: function (ctx) { return entries[ctx.dataIndex].range; } } } }
      }
    });
  }

  if (data.feedback) {
    var severities = data.feedback.severities;
    draw('chart-severity', {
      type: 'bar',
      data: {
        labels: severities.map(function (s) { return s.label; }),
        datasets: [{
          data: severities.map(function (s) { return s.count; }),
          backgroundColor: severities.map(function (s) { return css('--' + s.id); }),
          borderRadius: 6, barPercentage: 0.6
        }]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false }, ticks: { color: css('--ink') } } } }
    });
  }

  // charts drawn at screen size are redrawn at paper size for printing, and back
  function resizeAll() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  var print = window.matchMedia('print');
  if (print.addEventListener) print.addEventListener('change', resizeAll);
  document.documentElement.setAttribute('data-charts-drawn', String(charts.length));
})();
