import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

export interface ChartBar {
  key: string;
  label: string;
  count: number;
  /** Overdue bars are drawn in the danger colour (and named so in the table beside the chart). */
  tone: "normal" | "danger";
}

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 56, left: 48 };

/**
 * A bar chart drawn on the server as SVG (visx), scaled to its container by its viewBox. It is an
 * image with a title and a description; the same figures stand in a table next to it, which is what
 * a screen reader reads (WCAG 1.1.1).
 */
export function DueWeeksChart({ bars, title, description }: { bars: ChartBar[]; title: string; description: string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: bars.map((b) => b.key), range: [0, innerWidth], padding: 0.25 });
  const max = Math.max(1, ...bars.map((b) => b.count));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const labels = new Map(bars.map((b) => [b.key, b.label]));
  return (
    <svg
      className="metrics-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="due-weeks-chart-title due-weeks-chart-desc"
    >
      <title id="due-weeks-chart-title">{title}</title>
      <desc id="due-weeks-chart-desc">{description}</desc>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {bars.map((bar) => {
          const top = y(bar.count);
          return (
            <Bar
              key={bar.key}
              x={x(bar.key)}
              y={top}
              width={x.bandwidth()}
              height={innerHeight - top}
              className={bar.tone === "danger" ? "metrics-chart__bar metrics-chart__bar--danger" : "metrics-chart__bar"}
            />
          );
        })}
        <AxisLeft scale={y} numTicks={5} tickFormat={(v) => String(v)} tickClassName="metrics-chart__tick" />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickFormat={(key) => labels.get(key) ?? key}
          tickClassName="metrics-chart__tick"
        />
      </Group>
    </svg>
  );
}
