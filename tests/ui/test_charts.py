"""Charts: matplotlib loads only when a chart is shown; each chart draws what the numbers say,
exports to PNG and SVG, and redraws only when its data changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from introdesk.core.clock import utc_now
from introdesk.ui.charts.dashboard import WatchModel
from introdesk.ui.hub import Change


def test_matplotlib_is_not_imported_when_the_window_is_built(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from introdesk.services import Desk
        from introdesk.services.demo import load_demo
        from introdesk.ui import MainWindow
        app = QApplication([])
        desk = Desk.open({str(tmp_path / "demo.db")!r})
        load_demo(desk)
        window = MainWindow(desk, settings=QSettings({str(tmp_path / "s.ini")!r},
                                                     QSettings.Format.IniFormat))
        window.show()
        app.processEvents()
        print("before", "matplotlib" in sys.modules)
        window.show_view(3)
        app.processEvents()
        print("after", "matplotlib" in sys.modules)
        window.close()
        desk.close()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["before", "False", "after", "True"]


def _axes(host):
    host.ensure_drawn()
    (axes,) = host.figure.axes
    return axes


def test_the_person_chart_draws_history_band_and_markers(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    window.show_person(ids["Priya Raman"])
    chart = window.contacts.pane.chart
    axes = _axes(chart)
    history = desk.reliability_history(ids["Priya Raman"])
    assert chart.points == len(history) == 5  # 4 resolved commitments and today
    assert chart.markers == 4
    scatters = [c for c in axes.collections if c.get_offsets().shape[0] and c in chart._pickable]
    assert sum(len(c.get_offsets()) for c in scatters) == 4
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert {"score", "kept", "ghosted"} <= set(labels)
    opened = []
    chart.intro_requested.connect(opened.append)
    artist = next(a for a, group in chart._pickable.items() if group[0].resolution == "ghosted")

    class Pick:
        ind = [0]

    Pick.artist = artist
    chart.on_canvas_pick(Pick)
    assert opened == [chart._pickable[artist][0].intro_id]


def test_a_person_without_history_gets_an_honest_empty_state(window, people_desk) -> None:
    _desk, ids = people_desk
    window.show_person(ids["Dana Ortiz"])  # owed nothing
    chart = window.contacts.pane.chart
    assert not chart.has_chart and "No resolved commitments yet" in chart.empty.text()


def test_each_dashboard_chart_draws_its_numbers(qtbot, window, people_desk) -> None:
    desk, _ids = people_desk
    window.show_view(3)
    board = desk.dashboard()
    charts = window.dashboard.charts
    funnel = _axes(charts["funnel"])
    assert [bar.get_width() for bar in funnel.patches] == [n for _, n in board.funnel.stages()]
    per_month = _axes(charts["per_month"])
    heights = sum(bar.get_height() for bar in per_month.patches)
    assert heights == sum(sum(v) for v in board.intros_per_month.series.values())
    distribution = _axes(charts["distribution"])
    assert sum(bar.get_height() for bar in distribution.patches) == board.distribution.total
    follow = _axes(charts["follow_through"])
    (line,) = follow.get_lines()
    assert len(line.get_xdata()) == len(board.follow_through)
    recipients = _axes(charts["recipients"])
    assert sum(bar.get_width() for bar in recipients.patches) == sum(
        r.record.made for r in board.recipients)
    assert window.dashboard.watch_model.rowCount() == len(board.watch) >= 2


def test_watch_model_passes_the_model_tester_and_opens_people(qtmodeltester, window,
                                                             people_desk) -> None:
    desk, ids = people_desk
    model = WatchModel()
    model.set_entries(desk.dashboard().watch)
    qtmodeltester.check(model, force_py=True)
    window.show_view(3)
    index = window.dashboard.watch_model.index(0, 0)
    window.dashboard.on_watch_activated(index)
    assert window.current_view() is window.contacts
    assert window.contacts.pane.person_id == ids["Jordan Blake"]


def test_charts_export_to_png_and_svg(window, people_desk, tmp_path: Path) -> None:
    _desk, ids = people_desk
    window.show_person(ids["Priya Raman"])
    chart = window.contacts.pane.chart
    png = chart.export(tmp_path / "priya.png")
    svg = chart.export(tmp_path / "priya.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:500]
    chart.choose_file = lambda parent, title: str(tmp_path / "chosen")
    window.export_chart()
    assert (tmp_path / "chosen.png").exists()


def test_charts_redraw_only_when_their_data_changed(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    window.show_view(3)
    counts = {k: c.draw_count for k, c in window.dashboard.charts.items()}
    assert all(n == 1 for n in counts.values())
    for view in (0, 1, 3, 2, 3):
        window.show_view(view)
    assert {k: c.draw_count for k, c in window.dashboard.charts.items()} == counts
    window.desk_actions.run(lambda d: d.resolve(ids["open_commitment"], "kept", at=utc_now()),
                            Change.of(people=[ids["Sam Okafor"]]))
    after = {k: c.draw_count for k, c in window.dashboard.charts.items()}
    # Sam kept his call to Clara: the scores, the follow-through and Clara's track record
    # changed; the funnel and the monthly counts did not, so they were not redrawn.
    assert after["follow_through"] == 2 and after["distribution"] == 2
    assert after["recipients"] == 2
    assert after["funnel"] == 1 and after["per_month"] == 1


def _history_chart(qtbot, days: list[int]):
    from datetime import UTC, datetime

    from introdesk.core.reliability import OutcomeFact, history
    from introdesk.core.vocabulary import Action, Resolution
    from introdesk.services import CommitmentRecord
    from introdesk.ui.charts.person_chart import PersonChart

    now = datetime(2026, 6, 1, tzinfo=UTC)
    commitments = [CommitmentRecord(
        id=i, intro_id=i, owed_by_id=1, owed_by_name="A", owed_to_id=2, owed_to_name="B",
        action=Action.CALL, due_at=now - timedelta(days=d), created_at=now - timedelta(days=d + 2),
        resolution=Resolution.KEPT if i % 4 else Resolution.GHOSTED,
        resolved_at=now - timedelta(days=d - 1), note=None) for i, d in enumerate(days)]
    points = history([OutcomeFact(c.due_at, c.resolution, c.resolved_at) for c in commitments],
                     now=now)
    chart = PersonChart()
    qtbot.addWidget(chart)
    chart.resize(420, 280)
    chart.show()
    chart.show_history(points, commitments)
    chart.ensure_drawn()
    chart.canvas.draw()
    return chart


def test_dates_stay_readable_from_one_month_to_ten_years(qtbot) -> None:
    for days in ([3, 10, 17, 25, 30], [30 * i for i in range(1, 120, 7)]):
        chart = _history_chart(qtbot, days)
        (axes,) = chart.figure.axes
        labels = [t.get_text() for t in axes.get_xticklabels() if t.get_text()]
        assert 2 <= len(labels) <= 7, labels
        boxes = [t.get_window_extent() for t in axes.get_xticklabels() if t.get_text()]
        assert all(a.x1 <= b.x0 + 1 for a, b in zip(boxes, boxes[1:])), "tick labels overlap"


def test_charts_follow_a_dark_palette(qtbot) -> None:
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    app_palette = QGuiApplication.palette()
    dark = QPalette(app_palette)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    QGuiApplication.setPalette(dark)
    try:
        chart = _history_chart(qtbot, [10, 40, 90])
        (axes,) = chart.figure.axes
        from matplotlib.colors import to_hex

        assert to_hex(chart.figure.get_facecolor()) == "#1e1e1e"
        assert to_hex(axes.get_yticklabels()[0].get_color()) == "#eeeeee"
    finally:
        QGuiApplication.setPalette(app_palette)


def test_marker_text_says_what_to_whom_and_where() -> None:
    from datetime import UTC, datetime

    from introdesk.core.vocabulary import Action, Resolution
    from introdesk.services import CommitmentRecord
    from introdesk.ui.charts.person_chart import marker_text

    record = CommitmentRecord(
        id=1, intro_id=9, owed_by_id=1, owed_by_name="Maya", owed_to_id=2,
        owed_to_name="Dana Ortiz", action=Action.CALL,
        due_at=datetime(2026, 3, 4, 12, tzinfo=UTC), created_at=datetime(2026, 3, 2, tzinfo=UTC),
        resolution=Resolution.GHOSTED, resolved_at=None, note=None)
    assert marker_text(record) == "Ghosted: a call to Dana Ortiz, due 4 Mar 2026 — intro #9"
