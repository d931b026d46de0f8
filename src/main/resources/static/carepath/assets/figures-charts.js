// CarePath: each performance figure drawn by ECharts (served by the app: no CDN) from the data the page carries on the
// chart's element; the same figures are in the table under each chart. No inline script or style (the page's
// Content-Security-Policy allows neither).
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  var charts = [];
  document.querySelectorAll('.carepath-chart').forEach(function (element) {
    var data = JSON.parse(element.dataset.chart);
    var right = data.rightUnit;
    var series = data.series.map(function (s, i) {
      var onRight = right && i === data.series.length - 1;
      var drawn = {
        name: s.name,
        type: s.type,
        data: s.values,
        yAxisIndex: onRight ? 1 : 0,
        itemStyle: { color: s.colour },
        lineStyle: { width: 3 },
        symbolSize: 8,
        connectNulls: false,
        barMaxWidth: 28
      };
      if (data.stacked && s.type === 'bar') {
        drawn.stack = 'count';
      }
      return drawn;
    });
    // each threshold a dashed line of its own, in its measure's colour, drawn whether or not a month has a value
    data.series.forEach(function (s, i) {
      if (s.threshold === null || s.threshold === undefined) {
        return;
      }
      series.push({
        name: s.thresholdName,
        type: 'line',
        data: data.months.map(function () { return s.threshold; }),
        yAxisIndex: right && i === data.series.length - 1 ? 1 : 0,
        symbol: 'none',
        silent: true,
        itemStyle: { color: s.colour },
        lineStyle: { color: s.colour, type: 'dashed', width: 2 }
      });
    });
    var axis = function (name, position) {
      return {
        type: 'value', name: name, position: position, minInterval: 1,
        max: name === 'Percentage' ? 100 : null,
        nameTextStyle: { color: '#0b0c0c', fontSize: 14 },
        axisLabel: { color: '#0b0c0c', fontSize: 14, formatter: name === 'Percentage' ? '{value}%' : '{value}' },
        splitLine: { show: position === 'left', lineStyle: { color: '#e5e5e5' } }
      };
    };
    var yAxes = [axis(data.unit, 'left')];
    if (right) {
      yAxes.push(axis(right, 'right'));
    }
    var nothing = data.series.every(function (s) {
      return s.values.every(function (v) { return v === null || v === 0; });
    });
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'GDS Transport, arial, sans-serif' },
      grid: { left: 56, right: right ? 64 : 24, top: 40, bottom: 72 },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: { color: '#0b0c0c', fontSize: 14 } },
      xAxis: { type: 'category', data: data.months, axisLabel: { color: '#0b0c0c', fontSize: 13, interval: 0, hideOverlap: false } },
      yAxis: yAxes,
      series: series,
      graphic: nothing ? [{
        type: 'text', left: 'center', top: 'middle',
        style: { text: 'Nothing recorded in these twelve months', fill: '#505a5f', fontSize: 16 }
      }] : []
    });
    if (nothing) {
      element.classList.add('carepath-chart--empty');
    }
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
