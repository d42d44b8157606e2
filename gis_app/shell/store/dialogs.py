"""Dialogs of the shared database: connect (password to the OS keyring), conflicts, edit log."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from gis_app.core.i18n import t


class ConnectDialog(QDialog):
    """Host, port, database, user, password, project; TLS when the server offers it (or required).

    The password goes to the OS keyring when "remember" is ticked, else only to this connection's
    libpq environment of the process; never to the address, settings or log.
    """

    def __init__(self, parent=None, publish: bool = False):
        super().__init__(parent)
        from gis_app.shell.algorithm_dialog import settings

        self.setWindowTitle(t("Xuất bản lên cơ sở dữ liệu dùng chung", "Publish to a shared database") if publish
                            else t("Kết nối cơ sở dữ liệu dùng chung", "Connect to a shared database"))
        s = settings()
        form = QFormLayout()
        self.host = QLineEdit(s.value("db/host", "localhost"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(s.value("db/port", 5432)))
        self.database = QLineEdit(s.value("db/database", "kcn"))
        self.user = QLineEdit(s.value("db/user", ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(t("để trống nếu đã lưu trong kho khóa", "empty if kept in the keyring"))
        self.remember = QCheckBox(t("Lưu mật khẩu trong kho khóa của hệ điều hành",
                                    "Keep the password in the operating system's keyring"))
        self.remember.setChecked(True)
        self.project = QLineEdit(s.value("db/project", "kcn"))
        self.tls = QComboBox()
        for mode, label in (("prefer", t("TLS khi máy chủ hỗ trợ", "TLS when the server offers it")),
                            ("require", t("Bắt buộc TLS", "Require TLS")),
                            ("disable", t("Không mã hóa", "No encryption"))):
            self.tls.addItem(label, mode)
        self.replace_box = QCheckBox(t("Thay dự án cùng tên nếu đã có", "Replace a project of that name"))
        self.replace_box.setVisible(publish)
        for label, widget in ((t("Máy chủ", "Host"), self.host), (t("Cổng", "Port"), self.port),
                              (t("Cơ sở dữ liệu", "Database"), self.database), (t("Người dùng", "User"), self.user),
                              (t("Mật khẩu", "Password"), self.password), ("", self.remember),
                              (t("Dự án (schema)", "Project (schema)"), self.project), ("TLS", self.tls),
                              ("", self.replace_box)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def address(self) -> str:
        from gis_app.store.postgis import make_address

        return make_address(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                            self.user.text().strip(), self.project.text().strip() or "kcn", self.tls.currentData())

    def accept(self) -> None:
        import os

        from gis_app.shell.algorithm_dialog import settings
        from gis_app.store.credentials import set_password

        s = settings()  # everything but the password
        for key, value in (("host", self.host.text()), ("port", self.port.value()),
                           ("database", self.database.text()), ("user", self.user.text()),
                           ("project", self.project.text())):
            s.setValue(f"db/{key}", value)
        password = self.password.text()
        if password:
            kept = self.remember.isChecked() and set_password(
                self.host.text().strip(), self.port.value(), self.database.text().strip(),
                self.user.text().strip(), password)
            if not kept:  # this session only (libpq reads it); never written anywhere
                os.environ["PGPASSWORD"] = password
            self.password.clear()
        super().accept()


class ConflictDialog(QDialog):
    """Rows another planner changed since they were read: both versions side by side; the planner
    keeps theirs own, takes the database's, or cancels the save."""

    def __init__(self, conflicts, parent=None):
        super().__init__(parent)
        self.choice = "cancel"
        self.setWindowTitle(t("Xung đột chỉnh sửa", "Edit conflict"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t(
            "Người khác đã sửa {n} đối tượng anh/chị cũng sửa, sau khi anh/chị mở dự án. Chưa có gì được lưu.",
            "Someone else changed {n} features that you also changed after you opened the project. "
            "Nothing has been saved yet.", n=len(conflicts))))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([t("Đối tượng", "Feature"), t("Trường", "Field"),
                                              t("Của tôi", "Mine"), t("Của họ (trong CSDL)", "Theirs (in the database)")])
        for c in conflicts:
            mine, theirs = c.mine or {}, c.theirs or {}
            fields = [k for k in dict.fromkeys([*mine, *theirs]) if k not in ("kcn_version", "kcn_fid")
                      and not _same(k, mine.get(k), theirs.get(k))] or ["—"]
            for field in fields:
                row = self.table.rowCount()
                self.table.insertRow(row)
                gone = t("(đã xóa)", "(deleted)")
                values = [f"{c.layer}: {c.key}", field,
                          gone if c.mine is None else _short(mine.get(field)),
                          gone if c.theirs is None else _short(theirs.get(field))]
                for col, value in enumerate(values):
                    self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.mine_button = QPushButton(t("Giữ của tôi", "Keep mine"))
        self.theirs_button = QPushButton(t("Lấy của họ", "Take theirs"))
        self.cancel_button = QPushButton(t("Hủy", "Cancel"))
        for button, choice in ((self.mine_button, "mine"), (self.theirs_button, "theirs"),
                               (self.cancel_button, "cancel")):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(760, 320)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != "cancel" else self.reject()


def _same(field: str, a, b) -> bool:
    """Equal values; geometries compared as shapes (to 1 mm), not as WKT text of two precisions."""
    if field == "geometry" and a and b:
        import shapely

        return shapely.from_wkt(a).equals_exact(shapely.from_wkt(b), tolerance=0.001)
    return str(a) == str(b)


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


class EditLogDialog(QDialog):
    """The database's edit log, newest first, filtered by person, layer and feature id."""

    def __init__(self, address: str, parent=None):
        super().__init__(parent)
        self.address = address
        self.setWindowTitle(t("Nhật ký chỉnh sửa", "Edit log"))
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.who = QLineEdit()
        self.who.setPlaceholderText(t("người sửa", "who"))
        self.layer = QComboBox()
        self.layer.addItem(t("mọi lớp", "all layers"), None)
        for name in ("zones", "subzones", "parcels", "facilities"):
            self.layer.addItem(name, name)
        self.row_key = QLineEdit()
        self.row_key.setPlaceholderText(t("mã đối tượng (một phần)", "feature id (part)"))
        refresh = QPushButton(t("Lọc", "Filter"))
        refresh.clicked.connect(self.refresh)
        for widget in (self.who, self.layer, self.row_key, refresh):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([t("Lúc", "When"), t("Ai", "Who"), t("Lớp", "Layer"),
                                              t("Đối tượng", "Feature"), t("Thao tác", "Operation"),
                                              t("Thay đổi (trước → sau)", "Changes (before → after)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.resize(900, 420)
        self.refresh()

    def refresh(self) -> None:
        from gis_app.store.editlog import changed_fields, read_edit_log

        log = read_edit_log(self.address, who=self.who.text().strip() or None, layer=self.layer.currentData(),
                            row_key=self.row_key.text().strip() or None)
        operations = {"INSERT": t("thêm", "added"), "UPDATE": t("sửa", "changed"), "DELETE": t("xóa", "deleted")}
        self.table.setRowCount(0)
        for entry in log.itertuples(index=False):
            row = self.table.rowCount()
            self.table.insertRow(row)
            changes = "; ".join(f"{k}: {_short(a)} → {_short(b)}" for k, (a, b) in
                                changed_fields(entry.before, entry.after).items())
            values = [entry.at.strftime("%Y-%m-%d %H:%M:%S"), entry.who, entry.layer, entry.row_key or "",
                      operations.get(entry.operation, entry.operation), changes]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
