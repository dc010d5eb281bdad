import { formatCount } from "../dom";

const WIDTH = 260;
const BAR_HEIGHT = 18;

/** Two horizontal bars, Pass and Fail, as inline SVG. */
export function renderChart(container: HTMLElement, pass: number, fail: number): void {
  const total = Math.max(pass + fail, 1);
  const rows = [
    { label: "Pass", count: pass, className: "pass" },
    { label: "Fail", count: fail, className: "fail" },
  ];
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${WIDTH + 120} ${rows.length * (BAR_HEIGHT + 8)}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Pass ${pass}, Fail ${fail}`);

  rows.forEach((row, i) => {
    const y = i * (BAR_HEIGHT + 8);
    const label = document.createElementNS(svgNs, "text");
    label.setAttribute("x", "0");
    label.setAttribute("y", String(y + BAR_HEIGHT - 4));
    label.textContent = row.label;
    const bar = document.createElementNS(svgNs, "rect");
    bar.setAttribute("x", "40");
    bar.setAttribute("y", String(y));
    bar.setAttribute("height", String(BAR_HEIGHT));
    bar.setAttribute("width", String(Math.max(2, (row.count / total) * WIDTH)));
    bar.setAttribute("class", row.className);
    const count = document.createElementNS(svgNs, "text");
    count.setAttribute("x", String(48 + (row.count / total) * WIDTH));
    count.setAttribute("y", String(y + BAR_HEIGHT - 4));
    count.setAttribute("class", `count ${row.className}`);
    count.textContent = formatCount(row.count);
    svg.append(label, bar, count);
  });
  container.replaceChildren(svg);
}
