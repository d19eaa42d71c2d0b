/** The charts of a report as SVG (embedded in the xlsx as PNG): the same figures the PDF draws. */
import { barChartSvg, horizontalBarsSvg } from './chart-svg';
import { CHART_TITLES, FIGURE_LABELS } from './labels';
import type { ReportModel } from './model';

/** One chart: its title and SVG text. */
export interface ReportChart {
  title: string;
  svg: string;
}

/** Category, volume (daily, or monthly over several months), 12-month trend and hourly charts. */
export function reportCharts(m: ReportModel): ReportChart[] {
  const charts: ReportChart[] = [];
  const categories = m.inquiries.byCategory.slice(0, 8).map((c) => ({ label: c.label, value: c.count }));
  charts.push({ title: CHART_TITLES.category, svg: horizontalBarsSvg(CHART_TITLES.category, categories) });
  if (m.usage.trend.length === 0) {
    const daily = m.usage.daily.map((d) => ({ label: String(Number(d.date.slice(8))), value: d.count }));
    charts.push({
      title: CHART_TITLES.daily,
      svg: barChartSvg(CHART_TITLES.daily, daily, { labelEvery: daily.length > 16 ? 5 : 1 }),
    });
  } else {
    const monthly = m.usage.trend.map((t) => ({ label: `${Number(t.month.slice(5))}月`, value: t.asked }));
    charts.push({ title: CHART_TITLES.monthly, svg: barChartSvg(CHART_TITLES.monthly, monthly) });
  }
  if (m.trend12) {
    const t = m.trend12;
    charts.push({
      title: CHART_TITLES.trend12,
      svg: barChartSvg(
        CHART_TITLES.trend12,
        t.map((x) => ({ label: `${Number(x.month.slice(5))}月`, value: x.asked })),
        {
          lines: [
            { name: FIGURE_LABELS.autoAnswerRate, color: '#e08a1e', values: t.map((x) => x.autoAnswerRate) },
            { name: FIGURE_LABELS.deflectionRate, color: '#4a9d5b', values: t.map((x) => x.deflectionRate) },
          ],
        },
      ),
    });
  }
  const hourly = m.usage.byHour.map((n, hour) => ({ label: String(hour), value: n }));
  charts.push({ title: CHART_TITLES.hourly, svg: barChartSvg(CHART_TITLES.hourly, hourly, { labelEvery: 3 }) });
  return charts;
}
