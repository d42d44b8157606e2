"""The main window: map canvas, docks (layers, attributes, zones), menus and status bar.

Project file actions (open, save, add layer, identify) live in ``window_actions``; every text
is set in ``retranslate`` so a language switch relabels the whole window at once.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from gis_app.core.crs import WGS84_EPSG, transformer
from gis_app.core.numbers import fmt_number
from gis_app.core.project import Project
from gis_app.core.processing import registry
from layers.layer_list import LayerList

from . import window_actions as actions
from .canvas import MapCanvas
from .exchange import actions as exchange_actions
from .help import show_help
from .language import apply_language
from .panels.attribute_table import AttributeTable
from .panels.layer_panel import LayerPanel
from .panels.zone_panel import ZonePanel
from .tasks import TaskRunner


class MainWindow(QMainWindow):
    project_shown = Signal()  # a project was put on screen (opened, dropped, built at start)

    def __init__(self, project: Project | None = None, parent=None, restore_layout: bool = True):
        super().__init__(parent)
        self.project = project or Project()
        self.layers = LayerList()
        self.modified = False
        self.illustrative = False
        self.canvas = MapCanvas(self.layers, self)
        self.setCentralWidget(self.canvas)
        self.tasks = TaskRunner(self)
        self.layer_panel = LayerPanel(self.layers)
        self.attribute_table = AttributeTable(self.layers)
        self.attribute_table.edit_handler = lambda *edit: actions.edit_attribute(self, *edit)
        self.zone_panel = ZonePanel()
        self.layer_dock = self._dock(self.layer_panel, "layers", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.zone_dock = self._dock(self.zone_panel, "zones", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.table_dock = self._dock(self.attribute_table, "attributes", Qt.DockWidgetArea.BottomDockWidgetArea)
        self.coords_label, self.scale_label, self.note_label = QLabel(), QLabel(), QLabel()
        self.note_label.setStyleSheet("color: #a33; font-weight: bold;")
        for label in (self.note_label, self.coords_label, self.scale_label):
            self.statusBar().addPermanentWidget(label)
        self.undo_stack = QUndoStack(self)  # mirrors the project model's Qt-free undo stack (model_bridge.py)
        from .model_bridge import ModelBridge

        self.model_bridge = ModelBridge(self)
        self._build_actions()
        from .printing import install as install_printing

        install_printing(self)  # print layout, background rasters, web map (gis_app/shell/printing)
        from .rules import install_rules

        self.rules = install_rules(self)  # zone dock, charts, compliance style, Rules menu
        from .subdivision import SubdivisionTools

        self.subdivision = SubdivisionTools(self)  # subdivide, preview, accept, lot edits (undoable)
        from .editing_tools import EditingTools

        self.editing = EditingTools(self)  # add polygon, vertex tool, merge, split, snapping (undoable)
        from .store import install_store

        install_store(self)  # shared database, edit log, saving off the UI thread, autosave
        from .degenerate_marks import DegenerateMarks

        self.degenerate_marks = DegenerateMarks(self)  # zero-area lots marked and named on the map
        self.setAcceptDrops(True)
        self.canvas.cursor_moved.connect(self._show_cursor)
        self.canvas.view_changed.connect(self._show_scale)
        self.canvas.clicked.connect(lambda x, y, mods: actions.canvas_clicked(self, x, y, mods))
        # the attribute table follows the active layer of the layer list, and picking in it sets it
        self.layer_panel.current_changed.connect(self.attribute_table.show_layer)
        self.attribute_table.layer_picked.connect(self.layer_panel.select_layer)
        self.zone_panel.zone_activated.connect(lambda zone_id: actions.select_zone(self, zone_id))
        self.layers.events.connect("changed", self._layer_changed)
        for event in ("inserted", "removed", "moved"):
            self.layers.events.connect(event, lambda **_: self.set_modified(True))
        self._default_layout()
        if restore_layout:  # dock arrangement and size as the user left them (tabs, sizes, floating)
            from .algorithm_dialog import settings

            geometry, state = settings().value("ui/geometry"), settings().value("ui/window_state")
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)
        actions.show_project(self, self.project)
        self.retranslate()

    def _default_layout(self) -> None:
        """Docks as tabs (layers | zone list, attribute table | charts, zone card | subdivision) on a
        laptop screen, so that the map keeps most of a 1366×768 screen; the window never starts
        larger than the screen. The user's own arrangement (QSettings) replaces this when saved."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = (screen.width(), screen.height()) if screen is not None else (1400, 900)
        self.resize(min(1800, width), min(1050, height))  # the map gets most of the screen
        self.setDockOptions(QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AllowNestedDocks |
                            QMainWindow.DockOption.AnimatedDocks)
        self.compact = height < 1000  # layers and zone list side by side need a full-HD screen
        if self.compact:
            for first, second in ((self.layer_dock, self.zone_dock), (self.table_dock, self.rules.charts_dock),
                                  (self.rules.zone_dock, self.subdivision.dock)):
                self.tabifyDockWidget(first, second)
                first.raise_()
        self.resizeDocks([self.layer_dock], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.rules.zone_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.table_dock], [170 if self.compact else 220], Qt.Orientation.Vertical)

    def _dock(self, widget, name, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu: QMenu, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(self)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self):
        bar = self.menuBar()
        self.file_menu, self.edit_menu, self.view_menu = bar.addMenu(""), bar.addMenu(""), bar.addMenu("")
        self.processing_menu, self.language_menu, self.help_menu = bar.addMenu(""), bar.addMenu(""), bar.addMenu("")
        m = self.file_menu
        from .new_project import new_project_dialog

        self.new_action = self._action(m, lambda: new_project_dialog(self), QKeySequence.StandardKey.New)
        self.open_action = self._action(m, lambda: actions.open_project_dialog(self), QKeySequence.StandardKey.Open)
        self.save_action = self._action(m, lambda: actions.save_project(self), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(m, lambda: actions.save_project_as(self), QKeySequence.StandardKey.SaveAs)
        m.addSeparator()
        self.add_layer_action = self._action(m, lambda: actions.add_layer_dialog(self), "Ctrl+L")
        self.export_layer_action = self._action(m, lambda: exchange_actions.export_layer_dialog(self), "Ctrl+E")
        self.export_qgis_action = self._action(m, lambda: exchange_actions.export_qgis_dialog(self))
        m.addSeparator()
        self.quit_action = self._action(m, self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self._action(self.edit_menu, self.undo_stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.edit_menu, self.undo_stack.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addSeparator()
        self.delete_features_action = self._action(self.edit_menu, lambda: actions.delete_selected_features(self),
                                                   QKeySequence.StandardKey.Delete)
        self.remove_layer_action = self._action(self.edit_menu, lambda: actions.remove_current_layer(self))
        self.edit_menu.addSeparator()
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.indexChanged.connect(self._label_undo)
        self._label_undo()
        v = self.view_menu
        self.zoom_full_action = self._action(v, lambda: self.canvas.zoom_to(self.canvas.full_extent()), "Ctrl+0")
        self.zoom_full_action.setShortcuts([QKeySequence("Ctrl+Shift+F"), QKeySequence("Ctrl+0")])
        self.refresh_action = self._action(v, lambda: actions.refresh_map(self), "F5")
        self.zoom_layer_action = self._action(v, lambda: actions.zoom_to_layer(self))
        self.zoom_selection_action = self._action(v, lambda: actions.zoom_to_selection(self), "Ctrl+J")
        self.identify_action = self._action(v, lambda: None, "Ctrl+I", checkable=True)
        group = QActionGroup(self)
        self.vi_action = self._action(self.language_menu, lambda: self.switch_language("vi"), checkable=True)
        self.en_action = self._action(self.language_menu, lambda: self.switch_language("en"), checkable=True)
        for action in (self.vi_action, self.en_action):
            group.addAction(action)
        self.guide_action = self._action(self.help_menu, lambda: show_help(self), QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.help_menu, lambda: actions.show_about(self))
        self.algorithm_actions = {}
        for algorithm in registry().algorithms.values():
            self.algorithm_actions[algorithm.name] = self._action(
                self.processing_menu, lambda _=False, a=algorithm: actions.run_algorithm_dialog(self, a))

    def switch_language(self, lang: str) -> None:
        apply_language(lang)
        self.retranslate()

    def retranslate(self):
        from gis_app.core import i18n

        lang = i18n.get_language()
        self.vi_action.setChecked(lang == "vi")
        self.en_action.setChecked(lang == "en")
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._label_undo()
        self.subdivision.retranslate()
        if hasattr(self, "editing"):
            self.editing.retranslate()
        self.view_menu.setTitle(self.tr("&View"))
        self.processing_menu.setTitle(self.tr("&Processing"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("New project…"))
        self.open_action.setText(self.tr("Open project…"))
        self.save_action.setText(self.tr("Save project"))
        self.save_as_action.setText(self.tr("Save project as…"))
        self.add_layer_action.setText(self.tr("Add layer…"))
        self.export_layer_action.setText(self.tr("Export layer…"))
        self.export_qgis_action.setText(self.tr("Export project for QGIS…"))
        self.quit_action.setText(self.tr("Quit"))
        self.zoom_full_action.setText(self.tr("Zoom to full extent"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.delete_features_action.setText(self.tr("Delete selected features"))
        self.remove_layer_action.setText(self.tr("Remove layer"))
        self.zoom_layer_action.setText(self.tr("Zoom to current layer"))
        self.zoom_selection_action.setText(self.tr("Zoom to selection"))
        self.identify_action.setText(self.tr("Identify features"))
        self.vi_action.setText("Tiếng Việt")
        self.en_action.setText("English")
        self.guide_action.setText(self.tr("User guide"))
        self.about_action.setText(self.tr("About KCN Planner…"))
        for name, action in self.algorithm_actions.items():
            action.setText(registry().get(name).title + "…")
        self.layer_dock.setWindowTitle(self.tr("Layers"))
        self.zone_dock.setWindowTitle(self.tr("Zones and fill rates"))
        self.table_dock.setWindowTitle(self.tr("Attribute table"))
        self.note_label.setText(self.tr("ILLUSTRATIVE DATA") if self.illustrative else "")
        self.layer_panel.retranslate()
        self.zone_panel.retranslate()
        self.printing.retranslate()
        self.rules.retranslate()
        if hasattr(self, "store_tools"):
            self.store_tools.retranslate()
        if hasattr(self, "degenerate_marks"):
            self.degenerate_marks.retranslate()
        self._show_scale()
        self.update_title()

    def _label_undo(self, *_):
        import shiboken6

        stack = self.undo_stack
        if not shiboken6.isValid(stack):  # the stack says goodbye while the window is destroyed
            return
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(" ".join(filter(None, [self.tr("Undo"), stack.undoText()])))
        self.redo_action.setText(" ".join(filter(None, [self.tr("Redo"), stack.redoText()])))

    def update_title(self):
        """"file.gpkg* — project name — KCN Planner": the file the user saved, a mark for unsaved changes."""
        from pathlib import Path

        name = self.project.name or self.tr("Untitled")
        parts = [f"{Path(self.project.path).name if self.project.path else name}{'*' if self.modified else ''}"]
        if self.project.path and self.project.name:
            parts.append(name)
        if self.illustrative:
            parts.append(self.tr("illustrative data"))
        self.setWindowTitle(" — ".join(parts + ["KCN Planner"]))

    def set_modified(self, value: bool):
        self.modified = value
        self.update_title()

    def _layer_changed(self, layer, what):
        if what != "selection":
            self.set_modified(True)
        if what == "selection" and layer.name == "zones":
            self.zone_panel.highlight(layer.frame["zone_id"].iloc[layer.selected_rows()].astype(str))

    def _show_cursor(self, x: float, y: float):
        lon, lat = transformer(self.project.crs, WGS84_EPSG).transform(x, y)
        lat_text, lon_text = fmt_number(lat, 6), fmt_number(lon, 6)
        self.coords_label.setText(f"X {fmt_number(x, 1)}  Y {fmt_number(y, 1)}  |  {lat_text}°N {lon_text}°E")

    def screen_dpi(self) -> float:
        screen = self.screen() or (self.windowHandle().screen() if self.windowHandle() else None)
        dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
        return dpi if dpi and dpi > 1 else 96.0

    def scale_denominator(self) -> float:
        return self.canvas.view.scale_denominator(self.screen_dpi())

    def _show_scale(self):
        self.scale_label.setText(self.tr("Scale") + f" 1:{fmt_number(self.scale_denominator())}")

    # -- events -----------------------------------------------------------------------------
    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        for url in event.mimeData().urls():
            if not url.isLocalFile():
                continue
            path = url.toLocalFile()
            if actions.is_project_file(path):  # a KCN Planner project opens; any other file is a layer
                if actions.confirm_discard(self):
                    actions.load_project(self, path)
            else:
                exchange_actions.import_layer(self, path)  # the import dialog (encoding, CRS, fields)
        event.acceptProposedAction()

    def closeEvent(self, event):
        if actions.confirm_discard(self):
            from .algorithm_dialog import settings

            settings().setValue("ui/geometry", self.saveGeometry())
            settings().setValue("ui/window_state", self.saveState())
            if self.store_tools.autosave is not None:  # a clean exit: nothing to recover next time
                self.store_tools.autosave.close()
                self.store_tools.autosave = None
            event.accept()
        else:
            event.ignore()
