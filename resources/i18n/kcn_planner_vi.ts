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
    <name>CrsPicker</name>
    <message>
        <location filename="../../gis_app/shell/exchange/crs_picker.py" line="64" />
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/crs_picker.py" line="65" />
        <source>Coordinate system</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/crs_picker.py" line="66" />
        <source>(any province)</source>
        <translation>(mọi tỉnh)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/crs_picker.py" line="116" />
        <source>(merged province: choose the meridian of the data)</source>
        <translation>(tỉnh sau sáp nhập: chọn kinh tuyến trục của dữ liệu)</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="37" />
        <source>Add layer</source>
        <translation>Thêm lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="81" />
        <source>Imported %1 into layer %2: %3</source>
        <translation>Đã nhập %1 vào lớp %2: %3</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="95" />
        <source>Exported %1</source>
        <translation>Đã xuất %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="107" />
        <location filename="../../gis_app/shell/exchange/actions.py" line="121" />
        <source>Export project for QGIS</source>
        <translation>Xuất dự án cho QGIS</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="117" />
        <source>Exported for QGIS: %1</source>
        <translation>Đã xuất cho QGIS: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="78" />
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="107" />
        <source>Export layer</source>
        <translation>Xuất lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="79" />
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="79" />
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="79" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="80" />
        <source>Target coordinate system</source>
        <translation>Hệ tọa độ đích</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="80" />
        <source>Text encoding</source>
        <translation>Bảng mã văn bản</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="92" />
        <source>UTF-8 writes a .cpg; TCVN3 and CP1258 are for older software. Field names longer than 10 characters are shortened and kept in a .fields.json beside it.</source>
        <translation>UTF-8 kèm tệp .cpg; TCVN3 và CP1258 dành cho phần mềm cũ. Tên trường dài hơn 10 ký tự được rút gọn, tên đầy đủ lưu trong tệp .fields.json bên cạnh.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="94" />
        <source>KML is always in WGS 84 (EPSG:4326).</source>
        <translation>KML luôn dùng WGS 84 (EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="95" />
        <source>Written as a KCN Planner project (added to it if the file exists).</source>
        <translation>Ghi thành dự án KCN Planner (thêm vào dự án nếu tệp đã có).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="134" />
        <source>Exported with notes</source>
        <translation>Đã xuất, có ghi chú</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="138" />
        <source>Exporting %1</source>
        <translation>Đang xuất %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="156" />
        <source>Import layer: %1</source>
        <translation>Nhập lớp: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="157" />
        <source>Text encoding</source>
        <translation>Bảng mã văn bản</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="158" />
        <source>Decode as</source>
        <translation>Giải mã theo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="159" />
        <source>automatic (detected)</source>
        <translation>tự động (phát hiện)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="160" />
        <source>Coordinate system</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="161" />
        <source>Candidate</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="161" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="162" />
        <source>I confirm this coordinate system for the file</source>
        <translation>Tôi xác nhận hệ tọa độ này cho tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="163" />
        <source>Fields</source>
        <translation>Trường dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="164" />
        <source>Layer name</source>
        <translation>Tên lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="165" />
        <source>Zone of these parcels</source>
        <translation>Khu của các lô này</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="166" />
        <source>Geometry check</source>
        <translation>Kiểm tra hình học</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="167" />
        <source>Repair invalid geometries</source>
        <translation>Sửa các hình không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="186" />
        <source>Reading %1</source>
        <translation>Đang đọc %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="220" />
        <source>No text to decode.</source>
        <translation>Không có văn bản cần giải mã.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="223" />
        <source>Detected: %1 (confidence %2%)</source>
        <translation>Phát hiện: %1 (độ tin cậy %2%)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="226" />
        <source>Decoded as %1 (your choice)</source>
        <translation>Giải mã theo %1 (do bạn chọn)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="244" />
        <source>The file says: EPSG:%1 (%2)</source>
        <translation>Theo tệp: EPSG:%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="252" />
        <source>The file has no usable coordinate system. Choose one (candidates ranked by where they put the data) and confirm it.</source>
        <translation>Tệp không có hệ tọa độ dùng được. Hãy chọn một hệ (các đề xuất xếp theo vị trí chúng đặt dữ liệu) và xác nhận.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="278" />
        <source>Read %1, importable %2, rejected %3</source>
        <translation>Đọc %1, nhập được %2, loại %3</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="334" />
        <source>Importing %1</source>
        <translation>Đang nhập %1</translation>
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
        <location filename="../../gis_app/shell/main_window.py" line="126" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="127" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="128" />
        <source>&amp;Processing</source>
        <translation>&amp;Xử lý</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="129" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="130" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="131" />
        <source>Open project…</source>
        <translation>Mở dự án…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="132" />
        <source>Save project</source>
        <translation>Lưu dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="133" />
        <source>Save project as…</source>
        <translation>Lưu dự án thành…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="134" />
        <source>Add layer…</source>
        <translation>Thêm lớp…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="135" />
        <source>Export layer…</source>
        <translation>Xuất lớp…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="136" />
        <source>Export project for QGIS…</source>
        <translation>Xuất dự án cho QGIS…</translation>
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
        <location filename="../../gis_app/shell/main_window.py" line="157" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="158" />
        <source>illustrative data</source>
        <translation>dữ liệu minh họa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="187" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="28" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="111" />
        <location filename="../../gis_app/shell/window_actions.py" line="114" />
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="133" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="139" />
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="152" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="152" />
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?</translation>
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
    <name>MappingTable</name>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="50" />
        <source>Import as</source>
        <translation>Nhập thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="51" />
        <source>a new layer (keep fields as they are)</source>
        <translation>lớp mới (giữ nguyên các trường)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="52" />
        <source>zones (KCN/CCN)</source>
        <translation>các khu (KCN/CCN)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="53" />
        <source>subzones</source>
        <translation>phân khu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="54" />
        <source>parcels</source>
        <translation>lô đất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="55" />
        <source>Field in the file</source>
        <translation>Trường trong tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="55" />
        <source>Example</source>
        <translation>Ví dụ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="56" />
        <source>Becomes</source>
        <translation>Thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="79" />
        <source>Mapping remembered from an earlier file with the same fields.</source>
        <translation>Ánh xạ được nhớ từ một tệp trước có cùng các trường.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="93" />
        <source>(keep)</source>
        <translation>(giữ nguyên)</translation>
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
        <source>Fill rate (leased / industrial land)</source>
        <translation>Tỷ lệ lấp đầy (đã thuê / đất công nghiệp)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="45" />
        <source>Illustrative data: zone outlines are invented, not official boundaries.</source>
        <translation>Dữ liệu minh họa: ranh giới các khu là giả định, không phải ranh giới chính thức.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="92" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
</context>
</TS>