<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gis_app/shell/about.py" line="16" />
        <source>About KCN Planner</source>
        <translation>Giới thiệu KCN Planner</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/about.py" line="20" />
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
</context>
<context>
    <name>AlgorithmDialog</name>
    <message>
        <location filename="../../gis_app/shell/algorithm_dialog.py" line="120" />
        <source>(default)</source>
        <translation>(mặc định)</translation>
    </message>
</context>
<context>
    <name>ChartsWidget</name>
    <message>
        <location filename="../../gis_app/shell/rules/charts_dock.py" line="57" />
        <source>Zones of kind:</source>
        <translation>Loại khu:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/charts_dock.py" line="77" />
        <source>No check result yet.</source>
        <translation>Chưa có kết quả kiểm tra.</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="16" />
        <location filename="../../gis_app/shell/rules/citation.py" line="30" />
        <source>Citation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="30" />
        <source>Rule text in the rule set</source>
        <translation>Nội dung quy tắc trong bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="30" />
        <source>Applies to</source>
        <translation>Áp dụng cho</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="31" />
        <source>Thresholds</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="31" />
        <source>Rule set</source>
        <translation>Bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="36" />
        <source>obligation (a breach is a violation)</source>
        <translation>bắt buộc (không đạt là vi phạm)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="37" />
        <source>priority (a shortfall is a warning)</source>
        <translation>ưu tiên (chưa đạt là cảnh báo)</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="60" />
        <source>Move layer up</source>
        <translation>Chuyển lớp lên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="61" />
        <source>Move layer down</source>
        <translation>Chuyển lớp xuống</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="62" />
        <source>Opacity</source>
        <translation>Độ đục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="62" />
        <source>Fill colour</source>
        <translation>Màu tô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="62" />
        <source>Style</source>
        <translation>Kiểu hiển thị</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="62" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="65" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="68" />
        <source>Single colour</source>
        <translation>Một màu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="68" />
        <source>Categorized</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="68" />
        <source>Graduated</source>
        <translation>Phân cấp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="91" />
        <source>Industrial zones and clusters</source>
        <translation>Khu, cụm công nghiệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="91" />
        <source>Subzones</source>
        <translation>Phân khu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="92" />
        <source>Parcels</source>
        <translation>Lô đất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="92" />
        <source>Province boundary</source>
        <translation>Ranh giới tỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="93" />
        <source>District boundaries</source>
        <translation>Ranh giới huyện</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="93" />
        <source>National roads and rail</source>
        <translation>Quốc lộ và đường sắt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="128" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="129" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="130" />
        <source>&amp;Processing</source>
        <translation>&amp;Xử lý</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="131" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="132" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="133" />
        <source>Open project…</source>
        <translation>Mở dự án…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="134" />
        <source>Save project</source>
        <translation>Lưu dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="135" />
        <source>Save project as…</source>
        <translation>Lưu dự án thành…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="136" />
        <source>Add polygon layer (SHP, GPKG, GeoJSON)…</source>
        <translation>Thêm lớp vùng (SHP, GPKG, GeoJSON)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="137" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="138" />
        <source>Zoom to full extent</source>
        <translation>Phóng toàn bộ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="139" />
        <source>Zoom to current layer</source>
        <translation>Phóng tới lớp đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="140" />
        <source>Zoom to selection</source>
        <translation>Phóng tới vùng chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="141" />
        <source>Identify features</source>
        <translation>Xem thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="144" />
        <source>About KCN Planner…</source>
        <translation>Giới thiệu KCN Planner…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="147" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="148" />
        <source>Zones and fill rates</source>
        <translation>Các khu và tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="149" />
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="150" />
        <source>ILLUSTRATIVE DATA</source>
        <translation>DỮ LIỆU MINH HỌA</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="158" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="159" />
        <source>illustrative data</source>
        <translation>dữ liệu minh họa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="188" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="29" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="113" />
        <location filename="../../gis_app/shell/window_actions.py" line="116" />
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="135" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="141" />
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="154" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="154" />
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="164" />
        <source>Add polygon layer</source>
        <translation>Thêm lớp vùng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="186" />
        <source>Added layer %1 (%2 features)</source>
        <translation>Đã thêm lớp %1 (%2 đối tượng)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="258" />
        <source>Identify results</source>
        <translation>Thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="261" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="261" />
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="13" />
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="43" />
        <source>Export compliance report</source>
        <translation>Xuất báo cáo tuân thủ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="18" />
        <source>Leave a field empty to skip that file.</source>
        <translation>Để trống một ô để bỏ qua tệp đó.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="19" />
        <source>XLSX (a sheet per kind, rule citations):</source>
        <translation>XLSX (mỗi loại khu một trang, trích dẫn quy tắc):</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="21" />
        <source>PDF (Vietnamese, charts and zone maps):</source>
        <translation>PDF (tiếng Việt, biểu đồ và bản đồ từng khu):</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="37" />
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
</context>
<context>
    <name>RulesController</name>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="85" />
        <source>Checking the land reservation rules…</source>
        <translation>Đang kiểm tra các quy tắc dành quỹ đất…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="123" />
        <source>Load rule set</source>
        <translation>Nạp bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="133" />
        <source>Cannot load the rule set</source>
        <translation>Không nạp được bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="187" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="188" />
        <source>No check result yet: open a project with zones first.</source>
        <translation>Chưa có kết quả kiểm tra: hãy mở một dự án có các khu trước.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="220" />
        <source>Report written: %1</source>
        <translation>Đã ghi báo cáo: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="223" />
        <source>Exporting the compliance report…</source>
        <translation>Đang xuất báo cáo tuân thủ…</translation>
    </message>
</context>
<context>
    <name>RulesUi</name>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="88" />
        <source>&amp;Rules</source>
        <translation>&amp;Quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="89" />
        <source>Load a province rule set…</source>
        <translation>Nạp bộ quy tắc của tỉnh…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="90" />
        <source>Use the default rule set</source>
        <translation>Dùng bộ quy tắc mặc định</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="91" />
        <source>Colour zones by compliance</source>
        <translation>Tô màu các khu theo kết quả tuân thủ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="93" />
        <source>Export compliance report…</source>
        <translation>Xuất báo cáo tuân thủ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="94" />
        <source>Zone</source>
        <translation>Khu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="95" />
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../gis_app/shell/tasks.py" line="81" />
        <location filename="../../gis_app/shell/tasks.py" line="82" />
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/tasks.py" line="81" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/tasks.py" line="114" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/tasks.py" line="116" />
        <source>Internal error</source>
        <translation>Lỗi nội bộ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/tasks.py" line="117" />
        <source>An internal error occurred: %1 (details in the log file)</source>
        <translation>Lỗi nội bộ: %1 (chi tiết trong tệp nhật ký)</translation>
    </message>
</context>
<context>
    <name>ZoneDockWidget</name>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="95" />
        <source>Rule set:</source>
        <translation>Bộ quy tắc:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="96" />
        <source>Load…</source>
        <translation>Nạp…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="97" />
        <source>Load a province's rule set (TOML)</source>
        <translation>Nạp bộ quy tắc của tỉnh (TOML)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="98" />
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="99" />
        <source>Leave out zones established after this date</source>
        <translation>Bỏ qua các khu thành lập sau ngày này</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="100" />
        <source>Map style:</source>
        <translation>Kiểu bản đồ:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="101" />
        <source>Fill rate</source>
        <translation>Tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="102" />
        <source>Compliance</source>
        <translation>Tuân thủ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="103" />
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="103" />
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="104" />
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="104" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="105" />
        <source>Required</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="105" />
        <source>Actual</source>
        <translation>Thực tế</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="104" />
        <source>Deficit</source>
        <translation>Thiếu hụt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="106" />
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="105" />
        <source>Citation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="108" />
        <source>High-tech subzone</source>
        <translation>Phân khu công nghệ cao</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="109" />
        <source>CNHT subzone</source>
        <translation>Phân khu CNHT</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="144" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="142" />
        <source>Select a zone on the map, in the zone list or in the table.</source>
        <translation>Chọn một khu trên bản đồ, trong danh sách khu hoặc trong bảng.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="146" />
        <source>Zone %1 is not checked: established after the as-of date.</source>
        <translation>Khu %1 không được kiểm tra: thành lập sau ngày đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="153" />
        <source>Overall: %1</source>
        <translation>Tổng thể: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="167" />
        <source>Citation: %1</source>
        <translation>Trích dẫn: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="173" />
        <source>Citation…</source>
        <translation>Trích dẫn…</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="43" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="43" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="43" />
        <source>Fill rate</source>
        <translation>Tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="44" />
        <source>Compliance (the zone's worst finding)</source>
        <translation>Tuân thủ (kết quả xấu nhất của khu)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="45" />
        <source>Fill rate (leased / industrial land)</source>
        <translation>Tỷ lệ lấp đầy (đã thuê / đất công nghiệp)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="47" />
        <source>Illustrative data: zone outlines are invented, not official boundaries.</source>
        <translation>Dữ liệu minh họa: ranh giới các khu là giả định, không phải ranh giới chính thức.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="98" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="101" />
        <source>Violation</source>
        <translation>Vi phạm</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="101" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="101" />
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="102" />
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="104" />
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
    </message>
</context>
</TS>