"""Import accounting: what became of every field, every unparsable value and every DXF entity.

Issue 12: an import may repair, rename or refuse, but never lose or change data without naming it.
Readers fill an ``ImportAccount`` as they go; ``convert --report`` writes ``as_dict()`` and the import
dialog shows ``details()``. Features themselves are accounted by ``geometry_check.GeometryReport``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.i18n import t

KEPT, RENAMED, DROPPED = "kept", "renamed", "dropped"


@dataclass
class FieldFate:
    source: str  # name in the file (decoded)
    target: str | None  # name in the result; None when dropped
    status: str  # kept | renamed | dropped
    reason: str = ""


@dataclass
class ValueProblem:
    row: str  # feature id or 1-based row number
    field: str
    raw: str  # the raw text (bytes shown as Python escapes when not decodable)
    reason: str
    kept_as: str | None = None  # the text column that keeps the raw value, if any


@dataclass
class ImportAccount:
    fields: list[FieldFate] = field(default_factory=list)
    values: list[ValueProblem] = field(default_factory=list)
    entities: dict[str, dict] = field(default_factory=dict)  # DXF type -> {"read", "imported", "unread", "reason"}

    def keep(self, name: str) -> None:
        self.fields.append(FieldFate(name, name, KEPT))

    def rename(self, source: str, target: str, reason: str) -> None:
        """Record ``source`` → ``target`` (updates an earlier fate of ``source``)."""
        for fate in self.fields:
            if fate.target == source:
                fate.target, fate.status = target, RENAMED
                fate.reason = "; ".join(r for r in (fate.reason, reason) if r)
                return
        self.fields.append(FieldFate(source, target, RENAMED, reason))

    def drop(self, name: str, reason: str) -> None:
        for fate in self.fields:
            if fate.target == name:
                fate.target, fate.status = None, DROPPED
                fate.reason = "; ".join(r for r in (fate.reason, reason) if r)
                return
        self.fields.append(FieldFate(name, None, DROPPED, reason))

    def add(self, name: str, reason: str) -> None:
        """A column the import added (e.g. the raw text kept beside a typed column)."""
        self.fields.append(FieldFate("", name, "added", reason))

    def value(self, row, field_name: str, raw, reason: str, kept_as: str | None = None) -> None:
        if isinstance(raw, bytes):
            raw = raw.decode("latin-1") if raw.isascii() else repr(raw)[2:-1]
        self.values.append(ValueProblem(str(row), field_name, str(raw), reason, kept_as))

    def entity(self, kind: str, read: int = 0, imported: int = 0, unread: int = 0, reason: str = "",
               rejected: int = 0) -> None:
        """Count DXF entities of ``kind``: read, imported, rejected (listed as features), not read (why)."""
        entry = self.entities.setdefault(kind, {"read": 0, "imported": 0, "rejected": 0, "unread": 0, "reason": ""})
        entry["read"] += read
        entry["imported"] += imported
        entry["rejected"] += rejected
        entry["unread"] += unread
        if reason and not entry["reason"]:
            entry["reason"] = reason

    def sync_columns(self, columns: list[str]) -> None:
        """Record as dropped any accounted field no longer among ``columns`` (a safety net)."""
        present = set(columns)
        for fate in self.fields:
            if fate.target is not None and fate.target not in present:
                fate.status, fate.target = DROPPED, None
                fate.reason = fate.reason or t("không còn trong kết quả", "not in the result")

    def as_dict(self) -> dict:
        return {"fields": [vars(f) for f in self.fields],
                "values": [vars(v) for v in self.values],
                "entities": self.entities}

    def details(self, limit: int = 50) -> list[str]:
        """Localized lines for the log and the import dialog: renamed/dropped fields, bad values, unread entities."""
        return self.field_details() + self.value_details(limit) + self.entity_details()

    def field_details(self) -> list[str]:
        lines = []
        for fate in self.fields:
            if fate.status == RENAMED:
                lines.append(t("trường {s} → {d} ({why})", "field {s} → {d} ({why})", s=fate.source, d=fate.target,
                               why=fate.reason))
            elif fate.status == DROPPED:
                lines.append(t("trường {s} bỏ ({why})", "field {s} dropped ({why})", s=fate.source, why=fate.reason))
            elif fate.status == "added":
                lines.append(t("thêm trường {d} ({why})", "added field {d} ({why})", d=fate.target, why=fate.reason))
        return lines

    def value_details(self, limit: int = 50) -> list[str]:
        lines = []
        for problem in self.values[:limit]:
            kept = t(", giữ nguyên văn trong {c}", ", raw text kept in {c}", c=problem.kept_as) if problem.kept_as else ""
            lines.append(t("dòng {r}, trường {f}: {why} «{raw}»{kept}", "row {r}, field {f}: {why} «{raw}»{kept}",
                           r=problem.row, f=problem.field, why=problem.reason, raw=problem.raw, kept=kept))
        if len(self.values) > limit:
            lines.append(t("… và {n} giá trị khác (xem --report)", "… and {n} more values (see --report)",
                           n=len(self.values) - limit))
        return lines

    def entity_details(self) -> list[str]:
        lines = []
        for kind, entry in sorted(self.entities.items()):
            if entry["unread"]:
                lines.append(t("{n} thực thể {k} không đọc ({why})", "{n} {k} entities not read ({why})",
                               n=entry["unread"], k=kind, why=entry["reason"] or "-"))
        return lines
