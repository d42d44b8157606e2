"""One number format everywhere: the same figure reads the same in the zone card, the attribute table,
the web map, the print and the status bar, in Vietnamese and in English."""
import numpy as np
import pytest


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_same_figures_read_the_same_in_every_output(open_window, sample_project_path, qtbot, tmp_path, lang):
    import pdfplumber

    from gis_app.cartography.layout import PrintLayout
    from gis_app.cartography.pdf_render import render_pdf
    from gis_app.cartography.webmap import build_web_map
    from gis_app.core.fill_rates import zone_fill_rates
    from gis_app.shell.window_actions import select_zone

    win = open_window(sample_project_path)
    win.switch_language(lang)
    try:
        rates = zone_fill_rates(win.project).loc["KCN-DAIAN"]
        gross = {"vi": f"{rates['gross_m2'] / 1e4:,.1f} ha".replace(",", "_").replace(".", ",").replace("_", "."),
                 "en": f"{rates['gross_m2'] / 1e4:,.1f} ha"}[lang]
        fill = {"vi": f"{rates['fill_rate'] * 100:.1f}%".replace(".", ","), "en": f"{rates['fill_rate'] * 100:.1f}%"}[lang]
        assert gross in ("136,0 ha", "136.0 ha")
        # the zone card
        select_zone(win, "KCN-DAIAN")
        qtbot.waitUntil(lambda: bool(win.rules.zone_widget.rows), timeout=20000)
        card = win.rules.zone_widget.card.toPlainText()
        assert gross in card and fill in card
        # the attribute table of the zones (fill rate column)
        table = win.attribute_table
        table.show_layer("zones")
        model = table.model
        row = int(np.flatnonzero(model.frame["zone_id"].astype(str).to_numpy() == "KCN-DAIAN")[0])
        column = model.columns.index("fill_rate")
        assert model.data(model.index(row, column)) == fill
        # the web map's popup of the zone
        html = build_web_map(win.project)
        assert gross in html and fill in html
        # a lot's area on the print at 1:2,000 and in the web map popup of the parcel
        parcels = win.project.parcels
        lot = parcels[parcels["parcel_id"] == "KCN-DAIAN-P033"].iloc[0]
        area = {"vi": f"{lot.geometry.area:,.0f} m²".replace(",", "."), "en": f"{lot.geometry.area:,.0f} m²"}[lang]
        assert area in html
        info = render_pdf(win.project, PrintLayout(paper="A3", scale=2000, zone_id="KCN-DAIAN"), tmp_path / "p.pdf")
        with pdfplumber.open(tmp_path / "p.pdf") as pdf:
            text = " ".join(c["text"] for page in pdf.pages for c in page.chars)
        assert " ".join(area) in text  # the label's characters in order, upright or along the lot
        assert info["scale"] == 2000
        # the status bar's scale: the same thousands separator
        sep = "." if lang == "vi" else ","
        denominator = win.scale_label.text().split("1:")[1]
        assert denominator.replace(sep, "").isdigit() and (len(denominator) < 4 or sep in denominator)
    finally:
        win.switch_language("vi")
