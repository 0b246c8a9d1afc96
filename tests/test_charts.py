"""The flows chart: rendered beside the warehouse on every publish, a real PNG, shown in the UI."""
import base64
import io

import pandas as pd
import pytest
from PIL import Image

from conftest import FIXTURES, SEEDS, materialize_all
from orchestration.charts import render_flows_chart

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def chart_materialization(result):
    (event,) = [m for m in result.get_asset_materialization_events()
                if m.asset_key.to_user_string() == "reports/migration_flows_chart"]
    return event.materialization.metadata


# dev: 2023-06-30 net migration was 672,000 in two earlier releases and 906,000 in the latest
@pytest.mark.parametrize("articles,superseded", [(SEEDS, 0), (FIXTURES / "dev_articles", 2)], ids=["seeds", "dev"])
def test_publish_renders_a_real_png_beside_the_warehouse(tmp_path, articles, superseded):
    warehouse = tmp_path / "wh" / "migration.duckdb"
    result = materialize_all(articles, warehouse)
    assert result.success
    png = warehouse.parent / "reports" / "migration_flows.png"
    data = png.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 20_000
    with Image.open(png) as image:
        image.verify()
    with Image.open(png) as image:
        assert image.format == "PNG" and image.width >= 800 and 400 <= image.height <= image.width
    metadata = chart_materialization(result)
    assert metadata["path"].value == str(png)
    markdown = metadata["chart"].value
    assert markdown.startswith("![migration flows](data:image/png;base64,")
    assert base64.b64decode(markdown.split(",", 1)[1].rstrip(")")) == data
    assert metadata["periods"].value >= 7 and metadata["superseded_points"].value == superseded


def test_superseded_vintages_change_the_picture():
    latest = pd.DataFrame({"period_end": pd.to_datetime(["2022-12-31", "2023-06-30"]), "immigration": [1.1e6, 1.2e6],
                           "emigration": [5e5, 5.1e5], "net_migration": [6e5, 6.9e5]})
    none = pd.DataFrame(columns=["period_end", "flow", "value"])
    old = pd.DataFrame({"period_end": pd.to_datetime(["2023-06-30"]), "flow": ["net_migration"], "value": [4e5]})
    plain, with_old = render_flows_chart(latest, none), render_flows_chart(latest, old)
    assert plain[:8] == with_old[:8] == PNG_MAGIC and plain != with_old
    with Image.open(io.BytesIO(render_flows_chart(latest.iloc[0:0], none))) as empty:
        assert empty.width >= 800  # an empty warehouse still gets a chart saying so
