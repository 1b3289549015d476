// Xinzhi report page. Reads the model (#xinzhi-data) and the decoded China map (#xinzhi-map), draws every chart
// with ECharts, and reports what it rendered in window.__xinzhiStatus (read by the headless-browser test):
//   { ready, lang, charts: [ids drawn], errors: [...], unavailable: [sections], mapFeatures }
// Language: #lang=zh (default) or #lang=en; switching re-renders everything.
(function () {
  'use strict';
  var status = { ready: false, lang: null, charts: [], errors: [], unavailable: [], mapFeatures: 0, renders: 0 };
  window.__xinzhiStatus = status;
  window.__xinzhiReady = false;
  window.addEventListener('error', function (e) { status.errors.push('error: ' + (e.message || String(e))); });
  window.addEventListener('unhandledrejection', function (e) { status.errors.push('unhandled rejection: ' + e.reason); });

  var T = {
    year: ['年份', 'Year'], province: ['省份', 'Province'],
    overview: ['概览', 'Overview'],
    mapTitle: ['新质生产力指数地图', 'NQPF index map'],
    mapLead: ['各省新质生产力综合指数；拖动下方时间轴查看各年份（混合标准化，年份间可比）。',
      'Composite NQPF index by province; drag the timeline to change the year (pooled standardisation keeps years comparable).'],
    rankingTitle: ['省份排名', 'Provincial ranking'],
    rankingLead: ['所选年份的综合指数，按区域着色。', 'Composite index in the selected year, coloured by region.'],
    radarTitle: ['三大要素雷达图', 'Radar of the three elements'],
    radarLead: ['所选省份的劳动者、劳动资料、劳动对象分指数，与所属区域及全国平均对比。',
      'Sub-indices of laborers, means of labor and objects of labor for the selected province, against its region and the national mean.'],
    scoreTableTitle: ['指数与分指数', 'Index and sub-indices'],
    scoreTableLead: ['所选年份各省综合指数、排名及三大要素分指数。', 'Composite index, rank and the three element sub-indices of every province in the selected year.'],
    region: ['区域', 'Region'],
    trendIndexTitle: ['指数趋势', 'Index trends'],
    trendIndexLead: ['各区域省份综合指数的平均值。', 'Mean composite index of the provinces in each region.'],
    trendGtfpTitle: ['绿色全要素生产率趋势', 'Green TFP trends'],
    trendGtfpLead: ['累计绿色全要素生产率指数（首年 = 1），区域内省份平均。',
      'Cumulative green TFP index (first year = 1), mean over the provinces of each region.'],
    gtfpDecompTitle: ['绿色全要素生产率分解', 'Green TFP decomposition'],
    gtfpDecompLead: ['全国省份几何平均：GTFP 变化 = 效率变化 × 技术变化（>1 表示进步）。',
      'Geometric mean over provinces: GTFP change = efficiency change × technical change (>1 means progress).'],
    efficiencyTitle: ['绿色效率', 'Green efficiency'],
    efficiencyLead: ['逐年前沿下的 SBM 绿色效率（含非期望产出），区域内省份平均。',
      'SBM green efficiency against each year\'s frontier (with the undesirable output), mean over the provinces of each region.'],
    dagumTitle: ['Dagum 基尼系数分解', 'Dagum Gini decomposition'],
    dagumLead: ['总体基尼系数及区域内差异、区域间净差异、超变密度的贡献率。',
      'Overall Gini and the contributions of within-region, net between-region and transvariation parts.'],
    dagumGroupsTitle: ['区域内基尼系数', 'Within-region Gini'],
    dagumGroupsLead: ['各区域内部的差异。', 'Disparity inside each region.'],
    kdeTitle: ['核密度估计', 'Kernel density estimates'],
    kdeLead: ['综合指数分布的动态演进（高斯核）。', 'Evolution of the distribution of the index (Gaussian kernel).'],
    couplingTitle: ['三大要素耦合协调度', 'Coupling coordination of the three elements'],
    couplingLead: ['耦合协调度 D 的十级分类；悬停查看 C、T、D。', 'Ten-level class of the coordination degree D; hover for C, T and D.'],
    obstaclesTitle: ['主要障碍因子', 'Top obstacles'],
    obstaclesLead: ['所选省份、年份障碍度最大的指标。', 'Indicators with the largest obstacle degree for the selected province and year.'],
    obstacleTableTitle: ['各省前三位障碍因子', 'Top three obstacles of every province'],
    forecastTitle: ['GM(1,1) 预测', 'GM(1,1) forecast'],
    forecastLead: ['所选省份综合指数的灰色预测。', 'Grey forecast of the composite index for the selected province.'],
    diagramTitle: ['新质生产力逻辑关系图', 'NQPF logic diagram'],
    diagramLead: ['由指标体系生成：驱动因素 → 三大要素 → 子维度 → 指标。',
      'Drawn from the indicator framework: drivers → three elements → sub-dimensions → indicators.'],
    methodsTitle: ['方法与数据说明', 'Methods and data notes'],
    weightsTitle: ['指标与权重', 'Indicators and weights'],
    sourcesTitle: ['数据来源与参考文献', 'Data sources and citations'],
    provenanceTitle: ['可复现信息', 'Provenance'],
    unavailable: ['本版本不可用', 'Not available in this build'],
    unavailableTitle: ['以下部分不可用：', 'These sections are not available:'],
    national: ['全国平均', 'National mean'], regionMean: ['区域平均', 'Regional mean'],
    score: ['综合指数', 'Index'], rank: ['排名', 'Rank'], value: ['数值', 'Value'],
    observed: ['实际值', 'Observed'], fitted: ['拟合值', 'Fitted'], forecast: ['预测值', 'Forecast'],
    G: ['总体基尼系数 G', 'Overall Gini G'], Gw: ['区域内贡献', 'Within-region'], Gnb: ['区域间净贡献', 'Net between-region'],
    Gt: ['超变密度贡献', 'Transvariation'], share: ['贡献率 (%)', 'Contribution (%)'],
    tfpch: ['GTFP 变化', 'GTFP change'], effch: ['效率变化', 'Efficiency change'], techch: ['技术变化', 'Technical change'],
    indicator: ['指标', 'Indicator'], direction: ['方向', 'Direction'], weight: ['权重', 'Weight'], node: ['维度', 'Dimension'],
    entropy: ['信息熵', 'Entropy'], divergence: ['差异系数', 'Divergence'], unit: ['单位', 'Unit'],
    degree: ['障碍度 (%)', 'Obstacle degree (%)'], obstacle: ['障碍因子', 'Obstacle'],
    option: ['选项', 'Option'], choice: ['取值', 'Value'], note: ['说明', 'Note'],
    file: ['文件', 'File'], bytes: ['字节', 'Bytes'], version: ['程序版本', 'Program version'], generated: ['生成时间', 'Generated'],
    command: ['命令', 'Command'], warnings: ['警告', 'Warnings'],
    entities: ['省份数', 'Provinces'], period: ['时间跨度', 'Period'], top: ['最高', 'Top'], meanIndex: ['平均指数', 'Mean index'],
    C: ['耦合度 C', 'Coupling C'], Tc: ['综合协调指数 T', 'Composite T'], D: ['协调度 D', 'Coordination D'], level: ['等级', 'Level'],
    accuracy: ['精度等级', 'Accuracy class'], posterior: ['后验差比 C', 'Posterior-error ratio C'],
    smallError: ['小误差概率 P', 'Small-error probability P'], bandwidth: ['带宽', 'Bandwidth'],
    footer: ['由 Xinzhi（新质）生成 · 开源软件 · 每个数字均可由 run.json 复现', 'Generated by Xinzhi (新质) · open source · every number is reproducible from run.json'],
    noData: ['无数据', 'No data']
  };

  var M = JSON.parse(document.getElementById('xinzhi-data').textContent);
  var geo = JSON.parse(document.getElementById('xinzhi-map').textContent);
  echarts.registerMap('china', geo);
  status.mapFeatures = (geo.features || []).length;

  var lang = 'zh';
  var charts = {};
  var palette = ['#b3261e', '#23395d', '#2e7d5b', '#c98a12', '#6a4c93', '#1982c4', '#8f5d46', '#ff595e', '#8ac926', '#6c757d'];
  var entityById = {};
  (M.entities || []).forEach(function (e) { entityById[e.id] = e; });
  var groups = M.groups || [];
  var groupIndex = {};
  groups.forEach(function (g, i) { groupIndex[g.key] = i; });
  var years = (M.metadata && M.metadata.years) || [];
  var state = { year: years.length ? years[years.length - 1] : null, entity: null };

  function t(key) { var v = T[key]; return v ? v[lang === 'zh' ? 0 : 1] : key; }
  function L(label) { return label ? (lang === 'zh' ? label.zh : label.en) : ''; }
  function ename(id) { var e = entityById[id]; return e ? L(e.name) : id; }
  function mapId(id) { var e = entityById[id]; return e && e.mapId ? e.mapId : id; }
  var mapNames = {};
  (geo.features || []).forEach(function (f) { if (f.properties) mapNames[f.properties.id] = f.properties.name; });
  function mapName(featureId) { return mapNames[featureId] || featureId; }
  function gname(key) { var g = groups[groupIndex[key]]; return g ? L(g.name) : (key || ''); }
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  function fmt(v, d) { v = num(v); return v === null ? '–' : v.toFixed(d === undefined ? 4 : d); }
  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function el(id) { return document.getElementById(id); }
  function mean(a) { var s = 0, n = 0; a.forEach(function (v) { if (num(v) !== null) { s += v; n++; } }); return n ? s / n : null; }
  function geomean(a) { var s = 0, n = 0; a.forEach(function (v) { if (num(v) !== null && v > 0) { s += Math.log(v); n++; } }); return n ? Math.exp(s / n) : null; }
  function groupColor(key) { var i = groupIndex[key]; return i === undefined ? '#888' : palette[i % palette.length]; }
  function baseText() { return { fontFamily: getComputedStyle(document.body).fontFamily }; }

  function unavailableReason(section) {
    var u = (M.unavailable || []).filter(function (x) { return x.section === section; })[0];
    return u ? L(u.reason) : t('unavailable');
  }
  function showUnavailable(id, section) {
    var host = el(id);
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    host.innerHTML = '<div class="unavailable">' + esc(t('unavailable')) + ' — ' + esc(unavailableReason(section)) + '</div>';
    host.style.height = 'auto';
    if (status.unavailable.indexOf(section) < 0) status.unavailable.push(section);
  }
  function draw(id, option) {
    var host = el(id);
    if (!charts[id]) {
      host.innerHTML = '';
      host.style.height = '';
      charts[id] = echarts.init(host, null, { renderer: 'canvas' });
    }
    option.textStyle = baseText();
    option.animationDuration = 300;
    option.animationDurationUpdate = 200;
    charts[id].setOption(option, true);
    var o = charts[id].getOption();
    var series = (o && o.series) || [];
    var points = 0;
    series.forEach(function (s) { points += (s.data || []).length; });
    if (series.length > 0 && (points > 0 || (o.options && o.options.length))) status.charts.push(id);
    else status.errors.push('chart ' + id + ' has no data');
  }

  // ---------- sections ----------
  function scoresOf(year) { return M.index.scores.filter(function (r) { return r.time === year; }); }

  function renderOverview() {
    var md = M.metadata;
    el('report-title').textContent = L(md.title);
    document.title = L(md.title);
    el('report-subtitle').textContent = [L(md.subtitle), L(md.dataset), L(md.framework)].filter(Boolean).join(' · ');
    var k = [];
    k.push([t('entities'), String((M.entities || []).length)]);
    if (years.length) k.push([t('period'), years[0] + '–' + years[years.length - 1]]);
    if (M.index && state.year !== null) {
      var rows = scoresOf(state.year);
      var best = rows.filter(function (r) { return r.rank === 1; })[0];
      if (best) k.push([t('top') + ' (' + state.year + ')', ename(best.id) + ' ' + fmt(best.score, 3)]);
      k.push([t('meanIndex') + ' (' + state.year + ')', fmt(mean(rows.map(function (r) { return r.score; })), 3)]);
    }
    el('kpis').innerHTML = k.map(function (p) {
      return '<div class="kpi"><div class="v">' + esc(p[1]) + '</div><div class="k">' + esc(p[0]) + '</div></div>';
    }).join('');
    el('highlights').innerHTML = (md.highlights || []).map(function (h) { return '<li>' + esc(L(h)) + '</li>'; }).join('');
    var un = M.unavailable || [];
    el('unavailable-list').innerHTML = un.length
      ? esc(t('unavailableTitle')) + '<ul>' + un.map(function (u) { return '<li><b>' + esc(u.section) + '</b>: ' + esc(L(u.reason)) + '</li>'; }).join('') + '</ul>'
      : '';
  }

  function renderMap() {
    if (!M.index) return showUnavailable('chart-map', 'index');
    var all = M.index.scores.map(function (r) { return r.score; });
    var min = Math.min.apply(null, all), max = Math.max.apply(null, all);
    var idx = Math.max(0, years.indexOf(state.year));
    draw('chart-map', {
      baseOption: {
        timeline: {
          axisType: 'category', data: years.map(String), currentIndex: idx, autoPlay: false, playInterval: 1200,
          left: 40, right: 40, bottom: 6, label: { fontSize: 11 }
        },
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            if (!p.data) return esc(mapName(p.name)) + '<br>' + t('noData');
            return '<b>' + esc(ename(p.data.entity)) + '</b><br>' + t('score') + ': ' + fmt(p.data.value) + '<br>' + t('rank') + ': ' + p.data.rank;
          }
        },
        visualMap: {
          min: min, max: max, calculable: true, precision: 3, left: 20, bottom: 70, text: [fmt(max, 3), fmt(min, 3)],
          inRange: { color: ['#fdf1e6', '#f4b183', '#e0604a', '#b3261e', '#6d0f0a'] }
        },
        series: [{
          type: 'map', map: 'china', nameProperty: 'id', roam: false, top: 20, bottom: 70,
          itemStyle: { areaColor: '#e9ecef', borderColor: '#fff', borderWidth: 0.8 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#23395d' } },
          select: { disabled: true }
        }]
      },
      options: years.map(function (y) {
        return {
          title: { text: t('score') + ' ' + y, left: 'center', top: 0, textStyle: { fontSize: 14 } },
          series: [{ data: scoresOf(y).map(function (r) { return { name: mapId(r.id), value: r.score, rank: r.rank, entity: r.id }; }) }]
        };
      })
    });
    charts['chart-map'].off('timelinechanged');
    charts['chart-map'].on('timelinechanged', function (e) {
      var y = years[e.currentIndex];
      if (y !== undefined && y !== state.year) { state.year = y; el('year-select').value = String(y); renderYearDependent(); }
    });
  }

  function renderRanking() {
    if (!M.index) return showUnavailable('chart-ranking', 'index');
    var rows = scoresOf(state.year).slice().sort(function (a, b) { return b.rank - a.rank; });
    draw('chart-ranking', {
      title: { text: String(state.year), right: 10, top: 0, textStyle: { fontSize: 13, color: '#5f6b7a' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 10, right: 50, top: 24, bottom: 20, containLabel: true },
      xAxis: { type: 'value', name: t('score') },
      yAxis: { type: 'category', data: rows.map(function (r) { return ename(r.id); }), axisLabel: { fontSize: 11 } },
      series: [{
        type: 'bar', name: t('score'), barMaxWidth: 16,
        data: rows.map(function (r) {
          var e = entityById[r.id];
          return { value: r.score, itemStyle: { color: groupColor(e && e.group) } };
        }),
        label: { show: true, position: 'right', fontSize: 10, formatter: function (p) { return fmt(p.value, 3); } }
      }]
    });
  }

  function renderScoreTable() {
    if (!M.index) { el('table-scores').innerHTML = ''; return; }
    var nodes = elementNodes();
    var rows = scoresOf(state.year).slice().sort(function (a, b) { return a.rank - b.rank; });
    el('table-scores').innerHTML = '<tr><th>' + [t('rank'), t('province'), t('region'), t('score')].concat(nodes.map(function (n) { return L(n.name); })).map(esc).join('</th><th>') + '</th></tr>' +
      rows.map(function (r) {
        var e = entityById[r.id];
        return '<tr><td class="num">' + r.rank + '</td><td>' + esc(ename(r.id)) + '</td><td>' + esc(gname(e && e.group)) + '</td><td class="num">' + fmt(r.score) + '</td>' +
          nodes.map(function (n) { return '<td class="num">' + fmt(r.subScores[n.id]) + '</td>'; }).join('') + '</tr>';
      }).join('');
  }

  function elementNodes() { return M.index.nodes.filter(function (n) { return n.depth === 0; }); }

  function renderRadar() {
    if (!M.index) return showUnavailable('chart-radar', 'index');
    var nodes = elementNodes();
    var rows = scoresOf(state.year);
    var me = rows.filter(function (r) { return r.id === state.entity; })[0];
    var ent = entityById[state.entity];
    var peers = rows.filter(function (r) { var e = entityById[r.id]; return ent && e && e.group === ent.group; });
    function vec(rs) { return nodes.map(function (n) { return mean(rs.map(function (r) { return r.subScores[n.id]; })); }); }
    var maxes = nodes.map(function (n) {
      return Math.max.apply(null, M.index.scores.map(function (r) { return num(r.subScores[n.id]) || 0; }));
    });
    var data = [];
    if (me) data.push({ name: ename(state.entity), value: vec([me]), areaStyle: { opacity: 0.25 } });
    if (ent && ent.group) data.push({ name: t('regionMean') + ' · ' + gname(ent.group), value: vec(peers) });
    data.push({ name: t('national'), value: vec(rows), lineStyle: { type: 'dashed' } });
    draw('chart-radar', {
      color: ['#b3261e', '#23395d', '#6c757d'],
      tooltip: {},
      legend: { bottom: 0, data: data.map(function (d) { return d.name; }) },
      radar: {
        indicator: nodes.map(function (n, i) { return { name: L(n.name), max: maxes[i] > 0 ? maxes[i] * 1.05 : 1 }; }),
        radius: '62%', center: ['50%', '48%']
      },
      series: [{ type: 'radar', data: data }]
    });
    var head = '<tr><th>' + esc(t('node')) + '</th>' + data.map(function (d) { return '<th>' + esc(d.name) + '</th>'; }).join('') + '</tr>';
    el('table-elements').innerHTML = head + nodes.map(function (n, i) {
      return '<tr><td>' + esc(L(n.name)) + '</td>' + data.map(function (d) { return '<td class="num">' + fmt(d.value[i]) + '</td>'; }).join('') + '</tr>';
    }).join('');
  }

  function groupSeries(rowsByYear, valueOf, yearsList) {
    var series = [];
    groups.forEach(function (g) {
      series.push({
        name: L(g.name), type: 'line', smooth: false, symbolSize: 5, itemStyle: { color: groupColor(g.key) },
        data: yearsList.map(function (y) {
          return num(mean((rowsByYear[y] || []).filter(function (r) { var e = entityById[r.id]; return e && e.group === g.key; }).map(valueOf)));
        })
      });
    });
    series.push({
      name: t('national'), type: 'line', symbolSize: 5, lineStyle: { type: 'dashed', width: 2 }, itemStyle: { color: '#333' },
      data: yearsList.map(function (y) { return num(mean((rowsByYear[y] || []).map(valueOf))); })
    });
    return series;
  }
  function byKey(rows, key) { var m = {}; rows.forEach(function (r) { (m[r[key]] = m[r[key]] || []).push(r); }); return m; }
  function lineOption(xs, series, yName) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v); } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 10, right: 20, top: 30, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: xs.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: yName, scale: true, nameTextStyle: { align: 'left' } },
      series: series
    };
  }

  function renderTrendIndex() {
    if (!M.index) return showUnavailable('chart-trend-index', 'index');
    draw('chart-trend-index', lineOption(years, groupSeries(byKey(M.index.scores, 'time'), function (r) { return r.score; }, years), t('score')));
  }

  function renderTrendGtfp() {
    if (!M.tfp || !(M.tfp.cumulative || []).length) return showUnavailable('chart-trend-gtfp', 'tfp');
    var cy = Object.keys(byKey(M.tfp.cumulative, 'time')).map(Number).sort(function (a, b) { return a - b; });
    draw('chart-trend-gtfp', lineOption(cy, groupSeries(byKey(M.tfp.cumulative, 'time'), function (r) { return r.value; }, cy), 'GTFP'));
  }

  function renderGtfpDecomp() {
    if (!M.tfp) return showUnavailable('chart-gtfp-decomp', 'tfp');
    var by = byKey(M.tfp.changes, 'to');
    var tos = Object.keys(by).map(Number).sort(function (a, b) { return a - b; });
    var labels = tos.map(function (y) { return by[y][0].from + '–' + y; });
    function s(key, type) {
      return {
        name: t(key), type: type, barMaxWidth: 14,
        data: tos.map(function (y) { return num(geomean(by[y].map(function (r) { return r[key]; }))); })
      };
    }
    var opt = lineOption(labels, [s('effch', 'bar'), s('techch', 'bar'), s('tfpch', 'line')], '');
    opt.xAxis.boundaryGap = true;
    opt.color = ['#1982c4', '#c98a12', '#b3261e'];
    opt.series[2].markLine = { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { color: '#999' } };
    draw('chart-gtfp-decomp', opt);
  }

  function renderEfficiency() {
    if (!M.tfp || !(M.tfp.efficiency || []).length) return showUnavailable('chart-efficiency', 'tfp');
    var ey = Object.keys(byKey(M.tfp.efficiency, 'time')).map(Number).sort(function (a, b) { return a - b; });
    draw('chart-efficiency', lineOption(ey, groupSeries(byKey(M.tfp.efficiency, 'time'), function (r) { return r.efficiency; }, ey), lang === 'zh' ? '效率' : 'Efficiency'));
  }

  function dagumRows(component) { return M.dagum.rows.filter(function (r) { return r.component === component; }); }
  function renderDagum() {
    if (!M.dagum) { showUnavailable('chart-dagum', 'dagum'); return showUnavailable('chart-dagum-groups', 'dagum'); }
    var ys = Object.keys(byKey(dagumRows('G'), 'time')).map(Number).sort(function (a, b) { return a - b; });
    function at(component, y) { var r = M.dagum.rows.filter(function (x) { return x.component === component && x.time === y && !x.group; })[0]; return r ? r.value : null; }
    function share(part, y) {
      var direct = at(part + '_share', y);
      if (num(direct) !== null) return direct * 100;
      var g = at('G', y), v = at(part, y);
      return num(g) && num(v) !== null ? v / g * 100 : null;
    }
    var opt = {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v, 3); } },
      legend: { bottom: 0 },
      grid: { left: 10, right: 10, top: 34, bottom: 40, containLabel: true },
      color: ['#23395d', '#c98a12', '#8f5d46', '#b3261e'],
      xAxis: { type: 'category', data: ys.map(String) },
      yAxis: [{ type: 'value', name: t('share'), max: 100, nameTextStyle: { align: 'left' } }, { type: 'value', name: 'G', scale: true, nameTextStyle: { align: 'right' } }],
      series: ['Gw', 'Gnb', 'Gt'].map(function (p) {
        return { name: t(p), type: 'bar', stack: 'share', barMaxWidth: 22, data: ys.map(function (y) { return share(p, y); }) };
      }).concat([{ name: t('G'), type: 'line', yAxisIndex: 1, symbolSize: 6, data: ys.map(function (y) { return at('G', y); }) }])
    };
    draw('chart-dagum', opt);
    var within = dagumRows('Gjj');
    var gs = groups.filter(function (g) { return within.some(function (r) { return r.group === g.key; }); });
    draw('chart-dagum-groups', lineOption(ys, gs.map(function (g) {
      return {
        name: L(g.name), type: 'line', symbolSize: 5, itemStyle: { color: groupColor(g.key) },
        data: ys.map(function (y) { var r = within.filter(function (x) { return x.group === g.key && x.time === y; })[0]; return r ? r.value : null; })
      };
    }), 'Gini'));
  }

  function renderKde() {
    if (!M.kde) return showUnavailable('chart-kde', 'kde');
    var curves = M.kde.curves;
    var n = curves.length;
    draw('chart-kde', {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v, 3); } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 10, right: 20, top: 30, bottom: 56, containLabel: true },
      xAxis: { type: 'value', name: L(M.kde.variable), nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: lang === 'zh' ? '密度' : 'Density' },
      series: curves.map(function (c, i) {
        var f = n > 1 ? i / (n - 1) : 1;
        var color = 'rgb(' + Math.round(35 + f * 144) + ',' + Math.round(57 - f * 19) + ',' + Math.round(93 - f * 63) + ')';
        return {
          name: String(c.time), type: 'line', showSymbol: false, smooth: true, lineStyle: { width: 1.6, color: color }, itemStyle: { color: color },
          data: c.x.map(function (x, k) { return [x, c.density[k]]; })
        };
      })
    });
  }

  function renderCoupling() {
    if (!M.coupling) return showUnavailable('chart-coupling', 'coupling');
    var rows = M.coupling.rows;
    var ys = Object.keys(byKey(rows, 'time')).map(Number).sort(function (a, b) { return a - b; });
    var ids = (M.entities || []).map(function (e) { return e.id; }).filter(function (id) { return rows.some(function (r) { return r.id === id; }); });
    var levels = M.coupling.levels;
    var colors = ['#67001f', '#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'];
    var data = rows.map(function (r) { return [ys.indexOf(r.time), ids.indexOf(r.id), r.level, r.c, r.t, r.d]; });
    draw('chart-coupling', {
      tooltip: {
        formatter: function (p) {
          var v = p.data;
          return '<b>' + esc(ename(ids[v[1]])) + ' ' + ys[v[0]] + '</b><br>' + t('C') + ': ' + fmt(v[3]) + '<br>' + t('Tc') + ': ' + fmt(v[4]) +
            '<br>' + t('D') + ': ' + fmt(v[5]) + '<br>' + t('level') + ': ' + v[2] + ' ' + esc(L(levels[v[2] - 1]));
        }
      },
      grid: { left: 10, right: 150, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: ys.map(String), splitArea: { show: true } },
      yAxis: { type: 'category', data: ids.map(ename), inverse: true, axisLabel: { fontSize: 11 } },
      visualMap: {
        type: 'piecewise', dimension: 2, orient: 'vertical', right: 0, top: 'middle', itemWidth: 14, itemHeight: 12,
        pieces: levels.map(function (lv, i) { return { value: i + 1, label: (i + 1) + ' ' + L(lv), color: colors[i] }; })
      },
      series: [{ type: 'heatmap', data: data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }]
    });
  }

  function renderObstacles() {
    if (!M.obstacles) {
      el('table-obstacles').innerHTML = '';
      return showUnavailable('chart-obstacles', 'obstacles');
    }
    var rows = M.obstacles.rows.filter(function (r) { return r.id === state.entity && r.time === state.year; })
      .sort(function (a, b) { return b.rank - a.rank; });
    draw('chart-obstacles', {
      title: { text: ename(state.entity) + ' ' + state.year, right: 10, top: 0, textStyle: { fontSize: 13, color: '#5f6b7a' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return fmt(v, 2) + '%'; } },
      grid: { left: 10, right: 50, top: 28, bottom: 20, containLabel: true },
      xAxis: { type: 'value', name: t('degree') },
      yAxis: { type: 'category', data: rows.map(function (r) { return L(r.name); }), axisLabel: { fontSize: 11, width: 260, overflow: 'truncate' } },
      series: [{
        type: 'bar', name: t('degree'), barMaxWidth: 22, itemStyle: { color: '#c98a12' },
        data: rows.map(function (r) { return r.degree * 100; }),
        label: { show: true, position: 'right', formatter: function (p) { return fmt(p.value, 1); } }
      }]
    });
    var top3 = M.obstacles.rows.filter(function (r) { return r.time === state.year && r.rank <= 3; });
    var by = byKey(top3, 'id');
    var head = '<tr><th>' + esc(t('province')) + '</th><th>1</th><th>2</th><th>3</th></tr>';
    el('table-obstacles').innerHTML = head + (M.entities || []).filter(function (e) { return by[e.id]; }).map(function (e) {
      var rs = by[e.id].sort(function (a, b) { return a.rank - b.rank; });
      return '<tr><td>' + esc(L(e.name)) + '</td>' + [0, 1, 2].map(function (k) {
        var r = rs[k];
        return '<td>' + (r ? esc(L(r.name)) + ' <span class="mono">' + fmt(r.degree * 100, 1) + '%</span>' : '') + '</td>';
      }).join('') + '</tr>';
    }).join('');
  }

  function renderForecast() {
    if (!M.forecasts) { el('forecast-fit').innerHTML = ''; return showUnavailable('chart-forecast', 'forecasts'); }
    var rows = M.forecasts.rows.filter(function (r) { return r.id === state.entity; }).sort(function (a, b) { return a.time - b.time; });
    var xs = rows.map(function (r) { return String(r.time); });
    var lastObs = rows.filter(function (r) { return num(r.value) !== null; }).map(function (r) { return String(r.time); }).pop();
    var fc = rows.map(function (r) { return num(r.forecast) !== null ? r.forecast : (String(r.time) === lastObs ? r.value : null); });
    draw('chart-forecast', {
      color: ['#23395d', '#6c757d', '#b3261e'],
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v); } },
      legend: { bottom: 0 },
      grid: { left: 10, right: 20, top: 30, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: xs, boundaryGap: false },
      yAxis: { type: 'value', name: L(M.forecasts.variable), scale: true },
      series: [
        { name: t('observed'), type: 'line', symbolSize: 6, data: rows.map(function (r) { return num(r.value); }) },
        { name: t('fitted'), type: 'line', showSymbol: false, lineStyle: { type: 'dotted' }, data: rows.map(function (r) { return num(r.fitted); }) },
        {
          name: t('forecast'), type: 'line', symbolSize: 6, lineStyle: { type: 'dashed', width: 2 }, data: fc,
          markArea: lastObs ? { silent: true, itemStyle: { color: 'rgba(179,38,30,0.06)' }, data: [[{ xAxis: lastObs }, { xAxis: xs[xs.length - 1] }]] } : undefined
        }
      ]
    });
    var fit = (M.forecasts.fits || []).filter(function (f) { return f.id === state.entity; })[0];
    el('forecast-fit').innerHTML = fit
      ? 'a = ' + fmt(fit.a, 5) + ', b = ' + fmt(fit.b, 5) + ' · ' + esc(t('posterior')) + ' = ' + fmt(fit.posteriorErrorRatio, 3) + ' · ' +
        esc(t('smallError')) + ' = ' + fmt(fit.smallErrorProbability, 3) + ' · ' + esc(t('accuracy')) + ': ' + esc(L(fit.accuracy))
      : '';
  }

  function renderDiagram() {
    var host = el('logic-diagram');
    if (!M.logicDiagramSvg) {
      host.innerHTML = '<div class="unavailable">' + esc(t('unavailable')) + ' — ' + esc(unavailableReason('diagram')) + '</div>';
      if (status.unavailable.indexOf('diagram') < 0) status.unavailable.push('diagram');
      return;
    }
    if (!host.firstChild) host.innerHTML = M.logicDiagramSvg.replace(/<script[\s\S]*?<\/script>/gi, '');
  }

  function renderMethods() {
    el('methods').innerHTML = (M.methods || []).map(function (m) {
      var rows = (m.choices || []).map(function (c) {
        return '<tr><td>' + esc(L(c.name)) + '</td><td class="mono">' + esc(c.value) + '</td><td>' + esc(L(c.note)) + '</td></tr>';
      }).join('');
      return '<div class="method" id="method-' + esc(m.key) + '"><h3>' + esc(L(m.title)) + '</h3><p>' + esc(L(m.text)) + '</p>' +
        (rows ? '<table class="data"><tr><th>' + esc(t('option')) + '</th><th>' + esc(t('choice')) + '</th><th>' + esc(t('note')) + '</th></tr>' + rows + '</table>' : '') +
        '</div>';
    }).join('');
    if (!M.index) { el('table-weights').innerHTML = ''; }
    else {
      var nodeName = {};
      M.index.nodes.forEach(function (n) { nodeName[n.id] = L(n.name); });
      el('table-weights').innerHTML = '<tr><th>' + [t('indicator'), 'column', t('node'), t('direction'), t('unit'), t('weight'), t('entropy'), t('divergence')].map(esc).join('</th><th>') + '</th></tr>' +
        M.index.weights.map(function (w) {
          return '<tr><td>' + esc(L(w.name)) + '</td><td class="mono">' + esc(w.indicator) + '</td><td>' + esc(nodeName[w.node] || w.node) + '</td><td>' + esc(w.direction) +
            '</td><td>' + esc(w.unit || '') + '</td><td class="num">' + fmt(w.weight) + '</td><td class="num">' + fmt(w.entropy) + '</td><td class="num">' + fmt(w.divergence) + '</td></tr>';
        }).join('');
    }
    el('sources').innerHTML = (M.sources || []).map(function (s) {
      return '<li>' + esc(s.text) + (s.role ? ' <i>(' + esc(L(s.role)) + ')</i>' : '') + (s.url ? ' <span class="mono">' + esc(s.url) + '</span>' : '') + '</li>';
    }).join('');
    var p = M.provenance || {};
    el('table-provenance').innerHTML =
      '<tr><th>' + esc(t('file')) + '</th><th>SHA-256</th><th>' + esc(t('bytes')) + '</th></tr>' +
      (p.inputs || []).map(function (i) { return '<tr><td class="mono">' + esc(i.path) + '</td><td class="mono">' + esc(i.sha256) + '</td><td class="num">' + i.bytes + '</td></tr>'; }).join('') +
      '<tr><td>' + esc(t('version')) + '</td><td class="mono" colspan="2">' + esc(M.metadata.programVersion) + '</td></tr>' +
      '<tr><td>' + esc(t('generated')) + '</td><td class="mono" colspan="2">' + esc(M.metadata.generatedUtc) + '</td></tr>' +
      (p.command ? '<tr><td>' + esc(t('command')) + '</td><td class="mono" colspan="2">' + esc(p.command) + '</td></tr>' : '');
    el('warnings').innerHTML = (p.warnings || []).map(function (w) { return '<li>' + esc(t('warnings')) + ': ' + esc(w) + '</li>'; }).join('');
    el('footer').textContent = t('footer');
  }

  function renderToc() {
    var secs = document.querySelectorAll('main section.card');
    el('toc').innerHTML = Array.prototype.map.call(secs, function (s) {
      var h = s.querySelector('h2');
      return '<a href="#' + s.id + '" data-target="' + s.id + '">' + esc(h ? h.textContent : s.id) + '</a>';
    }).join('');
  }

  function fillSelects() {
    var ys = el('year-select');
    ys.innerHTML = years.map(function (y) { return '<option value="' + y + '">' + y + '</option>'; }).join('');
    if (state.year !== null) ys.value = String(state.year);
    var es = el('entity-select');
    var ents = (M.entities || []).slice();
    es.innerHTML = ents.map(function (e) { return '<option value="' + esc(e.id) + '">' + esc(L(e.name)) + '</option>'; }).join('');
    if (state.entity === null && ents.length) {
      var top = M.index ? scoresOf(state.year).filter(function (r) { return r.rank === 1; })[0] : null;
      state.entity = top ? top.id : ents[0].id;
    }
    if (state.entity !== null) es.value = state.entity;
  }

  function guarded(name, fn) {
    try { fn(); } catch (e) { status.errors.push(name + ': ' + (e && e.stack ? e.stack : String(e))); }
  }

  function renderYearDependent() {
    guarded('ranking', renderRanking);
    guarded('score-table', renderScoreTable);
    guarded('radar', renderRadar);
    guarded('obstacles', renderObstacles);
    guarded('overview', renderOverview);
  }

  function renderAll() {
    status.ready = false;
    window.__xinzhiReady = false;
    status.charts = [];
    status.unavailable = [];
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    el('lang-zh').className = lang === 'zh' ? 'active' : '';
    el('lang-en').className = lang === 'en' ? 'active' : '';
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    Object.keys(charts).forEach(function (id) { charts[id].dispose(); delete charts[id]; });
    fillSelects();
    guarded('overview', renderOverview);
    guarded('map', renderMap);
    guarded('ranking', renderRanking);
    guarded('radar', renderRadar);
    guarded('score-table', renderScoreTable);
    guarded('trend-index', renderTrendIndex);
    guarded('trend-gtfp', renderTrendGtfp);
    guarded('gtfp-decomp', renderGtfpDecomp);
    guarded('efficiency', renderEfficiency);
    guarded('dagum', renderDagum);
    guarded('kde', renderKde);
    guarded('coupling', renderCoupling);
    guarded('obstacles', renderObstacles);
    guarded('forecast', renderForecast);
    guarded('diagram', renderDiagram);
    guarded('methods', renderMethods);
    guarded('toc', renderToc);
    status.lang = lang;
    status.renders++;
    status.ready = true;
    window.__xinzhiReady = true;
  }

  function langFromHash() {
    var m = /lang=(zh|en)/.exec(location.hash || '');
    return m ? m[1] : null;
  }

  el('year-select').addEventListener('change', function (e) {
    state.year = Number(e.target.value);
    var c = charts['chart-map'];
    if (c) c.dispatchAction({ type: 'timelineChange', currentIndex: years.indexOf(state.year) });
    renderYearDependent();
  });
  el('entity-select').addEventListener('change', function (e) {
    state.entity = e.target.value;
    guarded('radar', renderRadar);
    guarded('obstacles', renderObstacles);
    guarded('forecast', renderForecast);
  });
  el('toc').addEventListener('click', function (e) {
    var a = e.target.closest('a[data-target]');
    if (!a) return;
    e.preventDefault();
    el(a.getAttribute('data-target')).scrollIntoView();
  });
  window.addEventListener('hashchange', function () {
    var l = langFromHash();
    if (l && l !== lang) { lang = l; renderAll(); }
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });

  lang = langFromHash() || 'zh';
  renderAll();
})();
