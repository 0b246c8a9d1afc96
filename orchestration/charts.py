"""`reports/migration_flows_chart`: net migration, immigration and emigration over time from the
published marts, each period's latest estimate drawn solid and its superseded vintages faintly
beside it. Rendered offline (matplotlib's Agg canvas) on every publish to
`<warehouse dir>/reports/migration_flows.png` and shown in the Dagster UI as asset metadata."""

import base64
import io
import os
from pathlib import Path

import dagster as dg
import pandas as pd

from .publish import MARTS
from .resources import Warehouse

REPORT_CHART = dg.AssetKey(["reports", "migration_flows_chart"])
CHART_FILE = "migration_flows.png"
MAX_GAP_DAYS = 366
FLOW_STYLES = {"net_migration": ("Net migration", "#1f4e79"), "immigration": ("Immigration", "#2e7d32"),
               "emigration": ("Emigration", "#c62828")}


def render_flows_chart(latest: pd.DataFrame, superseded: pd.DataFrame) -> bytes:
    """PNG bytes. `latest`: period_end and one column per flow; `superseded`: period_end, flow, value."""
    # The object API with its own Agg canvas: no pyplot global state, no display needed.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(10, 5.6), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for flow, (label, colour) in FLOW_STYLES.items():
        points = latest[["period_end", flow]].dropna() if flow in latest else latest.iloc[0:0]
        if len(points):
            x = pd.to_datetime(points["period_end"]).reset_index(drop=True)
            y = points[flow].astype(float).reset_index(drop=True)
            # no line across a gap of more than a year: the warehouse has no estimate there
            segment = (x.diff() > pd.Timedelta(days=MAX_GAP_DAYS)).cumsum()
            for number, (_, part) in enumerate(pd.DataFrame({"x": x, "y": y}).groupby(segment)):
                ax.plot(part["x"], part["y"], marker="o", color=colour, linewidth=2,
                        label=f"{label} (latest estimate)" if number == 0 else None)
        old = superseded[superseded["flow"] == flow]
        if len(old):
            ax.scatter(pd.to_datetime(old["period_end"]), old["value"], s=46, facecolors="none",
                       edgecolors=colour, alpha=0.45, linewidths=1.4, label=f"{label} (superseded vintage)")
    if latest.empty and superseded.empty:
        ax.text(0.5, 0.5, "No published estimates yet", ha="center", va="center", transform=ax.transAxes)
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1000:,.0f}k"))
    ax.set_title("UK long-term international migration, 12-month periods (marts.migration_flows)")
    ax.set_xlabel("end of 12-month period")
    ax.set_ylabel("people")
    ax.grid(True, alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    # a reader (or the UI) never sees half a PNG
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".png.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


@dg.asset(key=REPORT_CHART, deps=[MARTS["migration_flows"], MARTS["figure_revisions"]], group_name="reports",
          kinds={"python"},
          description="Net migration, immigration and emigration over time, superseded vintages drawn faintly; "
                      "a PNG beside the warehouse file, shown here as metadata.")
def migration_flows_chart(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        latest = con.execute("""
            select period_end, immigration, emigration, net_migration from marts.migration_flows
            order by period_end""").df()
        superseded = con.execute("""
            select period_end, flow, vintage, value from (
                select *, max(vintage) over (partition by period_end, flow) as latest_vintage
                from marts.figure_revisions where breakdown_dim is null)
            where vintage < latest_vintage
            order by period_end, flow, vintage""").df()
    png = render_flows_chart(latest, superseded)
    path = warehouse.path.parent / "reports" / CHART_FILE
    _write_atomically(path, png)
    encoded = base64.b64encode(png).decode("ascii")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(path)),
        "chart": dg.MetadataValue.md(f"![migration flows](data:image/png;base64,{encoded})"),
        "periods": len(latest), "superseded_points": len(superseded), "png_bytes": len(png)})
