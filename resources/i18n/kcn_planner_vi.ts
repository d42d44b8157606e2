<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gis_app/shell/about.py" line="17" />
        <source>About KCN Planner</source>
        <translation>Giới thiệu KCN Planner</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/about.py" line="21" />
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
</context>
<context>
    <name>AlgorithmDialog</name>
    <message>
        <location filename="../../gis_app/shell/algorithm_dialog.py" line="182" />
        <source>(default)</source>
        <translation>(mặc định)</translation>
    </message>
</context>
<context>
    <name>ChartsWidget</name>
    <message>
        <location filename="../../gis_app/shell/rules/charts_dock.py" line="84" />
        <source>Zones of kind:</source>
        <translation>Loại khu:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/charts_dock.py" line="106" />
        <source>No check result yet.</source>
        <translation>Chưa có kết quả kiểm tra.</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="84" />
        <location filename="../../gis_app/shell/rules/citation.py" line="100" />
        <source>Citation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="100" />
        <source>Rule text in the rule set</source>
        <translation>Nội dung quy tắc trong bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="100" />
        <source>Applies to</source>
        <translation>Áp dụng cho</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="101" />
        <source>Thresholds</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="101" />
        <source>Rule set</source>
        <translation>Bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="101" />
        <source>Reading</source>
        <translation>Cách đọc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="108" />
        <source>obligation (a breach is a violation)</source>
        <translation>bắt buộc (không đạt là vi phạm)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="109" />
        <source>priority (a shortfall is a warning)</source>
        <translation>ưu tiên (chưa đạt là cảnh báo)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="110" />
        <source>information only</source>
        <translation>chỉ để thông tin</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/citation.py" line="110" />
        <source>switched off</source>
        <translation>đã tắt</translation>
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
    <name>EditingTools</name>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="205" />
        <source>Add polygon to the active layer</source>
        <translation>Thêm vùng vào lớp đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="206" />
        <source>Vertex tool (move, add, delete vertices)</source>
        <translation>Công cụ đỉnh (di chuyển, thêm, xóa đỉnh)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="207" />
        <source>Merge selected features</source>
        <translation>Gộp các đối tượng đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="208" />
        <source>Split selected feature by a line</source>
        <translation>Tách đối tượng đang chọn bằng đường cắt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="209" />
        <source>New subzone from selection…</source>
        <translation>Tạo phân khu từ vùng chọn…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="210" />
        <source>Snap to vertices and segments</source>
        <translation>Bắt dính vào đỉnh và cạnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="230" />
        <source>Cannot edit</source>
        <translation>Không sửa được</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="235" />
        <source>Choose zones, subzones, parcels or facilities in the attribute table first.</source>
        <translation>Hãy chọn lớp khu, phân khu, thửa hoặc công trình trong bảng thuộc tính trước.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="262" />
        <source>Click the vertices; double-click to finish, Esc to cancel.</source>
        <translation>Nhấp các đỉnh; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="296" />
        <source>New feature</source>
        <translation>Đối tượng mới</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="339" />
        <source>Click a vertex to pick it up and click again to drop it; click an edge to add a vertex; Delete removes the picked vertex; Esc stops.</source>
        <translation>Nhấp một đỉnh để nhấc lên, nhấp lần nữa để đặt; nhấp vào cạnh để thêm đỉnh; Delete xóa đỉnh đang nhấc; Esc để dừng.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="354" />
        <source>Select at least two features to merge.</source>
        <translation>Chọn ít nhất hai đối tượng để gộp.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="362" />
        <source>The merged shape is not a polygon.</source>
        <translation>Hình sau khi gộp không phải là vùng.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="386" />
        <source>Select one feature to split.</source>
        <translation>Chọn một đối tượng để tách.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="391" />
        <source>Draw the cutting line; double-click to finish, Esc to cancel.</source>
        <translation>Vẽ đường cắt; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="402" />
        <source>The line does not cut the feature in two.</source>
        <translation>Đường cắt không chia đối tượng thành hai phần.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="429" />
        <source>Select parcels or lots first.</source>
        <translation>Hãy chọn thửa hoặc lô trước.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="434" />
        <source>The selection must lie in one zone.</source>
        <translation>Vùng chọn phải nằm trong một khu.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="442" />
        <source>New subzone from selection</source>
        <translation>Tạo phân khu từ vùng chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="443" />
        <source>Use</source>
        <translation>Chức năng</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="48" />
        <source>Add layer</source>
        <translation>Thêm lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="86" />
        <source>Imported %1 into layer %2: %3</source>
        <translation>Đã nhập %1 vào lớp %2: %3</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="100" />
        <source>Exported %1</source>
        <translation>Đã xuất %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="112" />
        <location filename="../../gis_app/shell/exchange/actions.py" line="127" />
        <source>Export project for QGIS</source>
        <translation>Xuất dự án cho QGIS</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/actions.py" line="122" />
        <source>Exported for QGIS: %1</source>
        <translation>Đã xuất cho QGIS: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="79" />
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="108" />
        <source>Export layer</source>
        <translation>Xuất lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="80" />
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="80" />
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="80" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="81" />
        <source>Target coordinate system</source>
        <translation>Hệ tọa độ đích</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="81" />
        <source>Text encoding</source>
        <translation>Bảng mã văn bản</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="93" />
        <source>UTF-8 writes a .cpg; TCVN3 and CP1258 are for older software. Field names longer than 10 characters are shortened and kept in a .fields.json beside it.</source>
        <translation>UTF-8 kèm tệp .cpg; TCVN3 và CP1258 dành cho phần mềm cũ. Tên trường dài hơn 10 ký tự được rút gọn, tên đầy đủ lưu trong tệp .fields.json bên cạnh.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="95" />
        <source>KML is always in WGS 84 (EPSG:4326).</source>
        <translation>KML luôn dùng WGS 84 (EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="96" />
        <source>Written as a KCN Planner project (added to it if the file exists).</source>
        <translation>Ghi thành dự án KCN Planner (thêm vào dự án nếu tệp đã có).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="135" />
        <source>Exported with notes</source>
        <translation>Đã xuất, có ghi chú</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/export_dialog.py" line="139" />
        <source>Exporting %1</source>
        <translation>Đang xuất %1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../gis_app/shell/help.py" line="75" />
        <source>User guide</source>
        <translation>Hướng dẫn</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="178" />
        <source>Import layer: %1</source>
        <translation>Nhập lớp: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="179" />
        <source>Text encoding</source>
        <translation>Bảng mã văn bản</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="180" />
        <source>Decode as</source>
        <translation>Giải mã theo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="181" />
        <source>automatic (detected)</source>
        <translation>tự động (phát hiện)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="182" />
        <source>Coordinate system</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="183" />
        <source>Candidate</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="183" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="184" />
        <source>I confirm this coordinate system for the file</source>
        <translation>Tôi xác nhận hệ tọa độ này cho tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="185" />
        <source>Fields</source>
        <translation>Trường dữ liệu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="186" />
        <source>Layer name</source>
        <translation>Tên lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="187" />
        <source>Zone of these parcels</source>
        <translation>Khu của các lô này</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="188" />
        <source>Geometry check</source>
        <translation>Kiểm tra hình học</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="189" />
        <source>Repair invalid geometries</source>
        <translation>Sửa các hình không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="190" />
        <source>Kept, renamed and not read</source>
        <translation>Giữ, đổi tên và không đọc được</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="209" />
        <source>Reading %1</source>
        <translation>Đang đọc %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="218" />
        <source>Choose the encoding: none decodes the text cleanly.</source>
        <translation>Hãy chọn bảng mã: không bảng mã nào đọc được văn bản trọn vẹn.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="249" />
        <source>No text to decode.</source>
        <translation>Không có văn bản cần giải mã.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="252" />
        <source>%1, as declared in %2</source>
        <translation>%1, theo khai báo trong %2</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="255" />
        <source>Detected: %1 (confidence %2%)</source>
        <translation>Phát hiện: %1 (độ tin cậy %2%)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="258" />
        <source>Decoded as %1 (your choice)</source>
        <translation>Giải mã theo %1 (do bạn chọn)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="276" />
        <source>The file says: EPSG:%1 (%2)</source>
        <translation>Theo tệp: EPSG:%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="284" />
        <source>The file has no usable coordinate system. Choose one (candidates ranked by where they put the data) and confirm it.</source>
        <translation>Tệp không có hệ tọa độ dùng được. Hãy chọn một hệ (các đề xuất xếp theo vị trí chúng đặt dữ liệu) và xác nhận.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="310" />
        <source>Read %1, importable %2, rejected %3</source>
        <translation>Đọc %1, nhập được %2, loại %3</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="320" />
        <source>All fields and values are kept as they are.</source>
        <translation>Mọi trường và giá trị được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/import_dialog.py" line="383" />
        <source>Importing %1</source>
        <translation>Đang nhập %1</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="61" />
        <source>Move layer up</source>
        <translation>Chuyển lớp lên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="62" />
        <source>Move layer down</source>
        <translation>Chuyển lớp xuống</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="63" />
        <source>Opacity</source>
        <translation>Độ đục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="63" />
        <source>Fill colour</source>
        <translation>Màu tô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="63" />
        <source>Style</source>
        <translation>Kiểu hiển thị</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="63" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="66" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="69" />
        <source>Single colour</source>
        <translation>Một màu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="69" />
        <source>Categorized</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="69" />
        <source>Graduated</source>
        <translation>Phân cấp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="188" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="189" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="194" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="195" />
        <source>&amp;Processing</source>
        <translation>&amp;Xử lý</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="196" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="197" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="198" />
        <source>New project…</source>
        <translation>Dự án mới…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="199" />
        <source>Open project…</source>
        <translation>Mở dự án…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="200" />
        <source>Save project</source>
        <translation>Lưu dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="201" />
        <source>Save project as…</source>
        <translation>Lưu dự án thành…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="202" />
        <source>Add layer…</source>
        <translation>Thêm lớp…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="203" />
        <source>Export layer…</source>
        <translation>Xuất lớp…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="204" />
        <source>Export project for QGIS…</source>
        <translation>Xuất dự án cho QGIS…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="205" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="206" />
        <source>Zoom to full extent</source>
        <translation>Phóng toàn bộ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="207" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="208" />
        <source>Delete selected features</source>
        <translation>Xóa đối tượng đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="209" />
        <source>Remove layer</source>
        <translation>Gỡ lớp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="210" />
        <source>Zoom to current layer</source>
        <translation>Phóng tới lớp đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="211" />
        <source>Zoom to selection</source>
        <translation>Phóng tới vùng chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="212" />
        <source>Identify features</source>
        <translation>Xem thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="215" />
        <source>User guide</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="216" />
        <source>About KCN Planner…</source>
        <translation>Giới thiệu KCN Planner…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="219" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="220" />
        <source>Zones and fill rates</source>
        <translation>Các khu và tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="221" />
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="222" />
        <source>ILLUSTRATIVE DATA</source>
        <translation>DỮ LIỆU MINH HỌA</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="240" />
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="241" />
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="247" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="252" />
        <source>illustrative data</source>
        <translation>dữ liệu minh họa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="279" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="32" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="96" />
        <source>Cannot edit</source>
        <translation>Không sửa được</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="147" />
        <location filename="../../gis_app/shell/window_actions.py" line="150" />
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="168" />
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="181" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="181" />
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="214" />
        <source>Added layer %1 (%2 features)</source>
        <translation>Đã thêm lớp %1 (%2 đối tượng)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="278" />
        <source>The active layer %1 is hidden: nothing to select</source>
        <translation>Lớp đang chọn %1 đang ẩn: không có gì để chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="295" />
        <source>Identify results</source>
        <translation>Thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="298" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="298" />
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
        <source>facilities (wastewater plants, production sites)</source>
        <translation>cơ sở (trạm xử lý nước thải, cơ sở sản xuất)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="56" />
        <source>Field in the file</source>
        <translation>Trường trong tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="56" />
        <source>Example</source>
        <translation>Ví dụ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="57" />
        <source>Becomes</source>
        <translation>Thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="80" />
        <source>Mapping remembered from an earlier file with the same fields.</source>
        <translation>Ánh xạ được nhớ từ một tệp trước có cùng các trường.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/exchange/mapping_table.py" line="94" />
        <source>(keep)</source>
        <translation>(giữ nguyên)</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="53" />
        <source>New project</source>
        <translation>Dự án mới</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="54" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="54" />
        <source>Provinces</source>
        <translation>Danh mục tỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="54" />
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="55" />
        <source>Central meridian</source>
        <translation>Kinh tuyến trục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="57" />
        <source>34 provinces (from 1 July 2025)</source>
        <translation>34 tỉnh, thành (từ 1/7/2025)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="58" />
        <source>63 provinces (before 2025)</source>
        <translation>63 tỉnh, thành (trước 2025)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/new_project.py" line="96" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="91" />
        <source>Print layout</source>
        <translation>Bố cục in</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="94" />
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="95" />
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="96" />
        <source>Fit to page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="99" />
        <source>Series of map sheets if it does not fit</source>
        <translation>Chia nhiều tờ bản đồ nếu không vừa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="100" />
        <source>One sheet only</source>
        <translation>Chỉ một tờ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="101" />
        <source>Whole project</source>
        <translation>Toàn bộ dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="105" />
        <source>Vector PDF</source>
        <translation>PDF véc-tơ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="106" />
        <source>PNG image, 300 dpi</source>
        <translation>Ảnh PNG, 300 dpi</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="107" />
        <source>Map title</source>
        <translation>Tiêu đề bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="108" />
        <source>Agency preparing the map</source>
        <translation>Cơ quan lập bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="109" />
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="110" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="111" />
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="173" />
        <source>Choose logo image</source>
        <translation>Chọn ảnh logo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="112" />
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="180" />
        <source>Choose output file</source>
        <translation>Chọn tệp đầu ra</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="114" />
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="114" />
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="115" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="115" />
        <source>Zone</source>
        <translation>Khu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="115" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="115" />
        <source>Sheets</source>
        <translation>Số tờ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="116" />
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="116" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="117" />
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="117" />
        <source>Output file</source>
        <translation>Tệp đầu ra</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="190" />
        <source>logo image not found</source>
        <translation>không tìm thấy ảnh logo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="214" />
        <source>Rendering preview…</source>
        <translation>Đang dựng bản xem trước…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="228" />
        <source>Scale 1:%1, %2 map sheets (preview of sheet 1)</source>
        <translation>Tỷ lệ 1:%1, %2 tờ bản đồ (xem trước tờ 1)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="230" />
        <source>Scale of the page: 1:%1</source>
        <translation>Tỷ lệ của trang: 1:%1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="246" />
        <source>This page cannot be printed:</source>
        <translation>Không in được trang này:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="269" />
        <source>the output must be a .pdf or .png file</source>
        <translation>tệp đầu ra phải là .pdf hoặc .png</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="287" />
        <source>Wrote %1 (scale 1:%2, %3 sheets)</source>
        <translation>Đã ghi %1 (tỷ lệ 1:%2, %3 tờ)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="287" />
        <source>Wrote %1 (scale 1:%2)</source>
        <translation>Đã ghi %1 (tỷ lệ 1:%2)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/print_dialog.py" line="293" />
        <source>Export print layout</source>
        <translation>Xuất bản đồ in</translation>
    </message>
</context>
<context>
    <name>PrintingTools</name>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="56" />
        <source>Print layout…</source>
        <translation>Bố cục in…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="57" />
        <source>Add raster background…</source>
        <translation>Thêm ảnh nền…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="58" />
        <source>Export web map…</source>
        <translation>Xuất bản đồ web…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="75" />
        <source>Add raster background</source>
        <translation>Thêm ảnh nền</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="84" />
        <location filename="../../gis_app/shell/printing/__init__.py" line="103" />
        <location filename="../../gis_app/shell/printing/__init__.py" line="111" />
        <source>Export web map</source>
        <translation>Xuất bản đồ web</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/__init__.py" line="101" />
        <source>Web map written to %1</source>
        <translation>Đã ghi bản đồ web vào %1</translation>
    </message>
</context>
<context>
    <name>ProvinceFindingsDialog</name>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="17" />
        <source>Province-wide findings</source>
        <translation>Kết quả kiểm tra toàn tỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="19" />
        <source>Facilities outside every zone and plan targets of the rule sets in use.</source>
        <translation>Các cơ sở nằm ngoài mọi khu và chỉ tiêu kế hoạch của các bộ quy tắc đang dùng.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="21" />
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="21" />
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="21" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="22" />
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="22" />
        <source>Citation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/province_dialog.py" line="41" />
        <source>province</source>
        <translation>toàn tỉnh</translation>
    </message>
</context>
<context>
    <name>RasterBackgrounds</name>
    <message>
        <location filename="../../gis_app/shell/printing/rasters.py" line="53" />
        <source>file not found</source>
        <translation>không tìm thấy tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/rasters.py" line="64" />
        <source>Some background rasters cannot be shown; they stay in the project but are not drawn:</source>
        <translation>Không hiển thị được một số ảnh nền; chúng vẫn được giữ trong dự án nhưng không được vẽ:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/rasters.py" line="83" />
        <source>the raster has no coordinate system (no georeferencing)</source>
        <translation>ảnh nền không có hệ tọa độ (chưa nắn chỉnh địa lý)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/rasters.py" line="86" />
        <source>Cannot add the raster</source>
        <translation>Không thêm được ảnh nền</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/rasters.py" line="104" />
        <source>Background rasters</source>
        <translation>Ảnh nền</translation>
    </message>
</context>
<context>
    <name>RasterPanel</name>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="54" />
        <source>Background rasters (under all layers)</source>
        <translation>Ảnh nền (dưới mọi lớp)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="55" />
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="56" />
        <source>Add raster background (GeoTIFF)…</source>
        <translation>Thêm ảnh nền (GeoTIFF)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="57" />
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="58" />
        <source>Move raster up</source>
        <translation>Đưa ảnh nền lên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="59" />
        <source>Move raster down</source>
        <translation>Đưa ảnh nền xuống</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="60" />
        <source>Opacity</source>
        <translation>Độ đục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/printing/raster_panel.py" line="67" />
        <source>cannot be read</source>
        <translation>không đọc được</translation>
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
        <source>PDF (in the interface language, charts and zone maps):</source>
        <translation>PDF (theo ngôn ngữ giao diện, biểu đồ và bản đồ từng khu):</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/report_dialog.py" line="37" />
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
</context>
<context>
    <name>RuleSetDialog</name>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="44" />
        <source>Rule sets</source>
        <translation>Các bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="55" />
        <source>Add a rule set file…</source>
        <translation>Thêm tệp bộ quy tắc…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="60" />
        <source>Rule sets used by the project:</source>
        <translation>Các bộ quy tắc dự án dùng:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="66" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="66" />
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="66" />
        <source>Measure</source>
        <translation>Phép đo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="67" />
        <source>Threshold</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="67" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="67" />
        <source>Citation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="93" />
        <source>Switch a rule off with severity “off”: it is listed as off in every output, never dropped silently.</source>
        <translation>Tắt một quy tắc bằng mức độ “off”: quy tắc được ghi là đã tắt trong mọi kết quả, không bao giờ bị bỏ qua âm thầm.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="131" />
        <source>Add a rule set file</source>
        <translation>Thêm tệp bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="137" />
        <source>Cannot load the rule set</source>
        <translation>Không nạp được bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="197" />
        <source>%1: the threshold must be a number (a range “low–high” for “between”)</source>
        <translation>%1: ngưỡng phải là số (khoảng “thấp–cao” với “between”)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/ruleset_dialog.py" line="222" />
        <source>Choose at least one rule set.</source>
        <translation>Hãy chọn ít nhất một bộ quy tắc.</translation>
    </message>
</context>
<context>
    <name>RulesController</name>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="143" />
        <source>Checking the land reservation rules…</source>
        <translation>Đang kiểm tra các quy tắc dành quỹ đất…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="95" />
        <location filename="../../gis_app/shell/rules/controller.py" line="200" />
        <source>Cannot load the rule set</source>
        <translation>Không nạp được bộ quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="222" />
        <source>Cannot load the travel times</source>
        <translation>Không nạp được kết quả thời gian di chuyển</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="229" />
        <source>Load travel times (R5)</source>
        <translation>Nạp thời gian di chuyển (R5)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="230" />
        <source>Proximity results (*.json)</source>
        <translation>Kết quả phân tích khoảng cách (*.json)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="310" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="311" />
        <source>No check result yet: open a project with zones first.</source>
        <translation>Chưa có kết quả kiểm tra: hãy mở một dự án có các khu trước.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="329" />
        <source>Report written: %1</source>
        <translation>Đã ghi báo cáo: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/controller.py" line="333" />
        <source>Exporting the compliance report…</source>
        <translation>Đang xuất báo cáo tuân thủ…</translation>
    </message>
</context>
<context>
    <name>RulesUi</name>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="113" />
        <source>&amp;Rules</source>
        <translation>&amp;Quy tắc</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="114" />
        <source>Rule sets…</source>
        <translation>Bộ quy tắc…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="115" />
        <source>Use the default rule sets</source>
        <translation>Dùng các bộ quy tắc mặc định</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="116" />
        <source>Province-wide findings (facilities, plan targets)…</source>
        <translation>Kết quả toàn tỉnh (cơ sở, chỉ tiêu kế hoạch)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="117" />
        <source>Colour zones by compliance</source>
        <translation>Tô màu các khu theo kết quả tuân thủ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="119" />
        <source>Export compliance report…</source>
        <translation>Xuất báo cáo tuân thủ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="120" />
        <source>Compute travel times to assembly plants (R5)…</source>
        <translation>Tính thời gian di chuyển tới nhà máy lắp ráp (R5)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="121" />
        <source>Load travel times (R5)…</source>
        <translation>Nạp thời gian di chuyển (R5)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="122" />
        <source>Zone</source>
        <translation>Khu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/__init__.py" line="123" />
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
</context>
<context>
    <name>SubdivisionPanel</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="55" />
        <source>Subdivide vacant land of the selected zone…</source>
        <translation>Chia lô đất trống của khu đang chọn…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="56" />
        <source>Subdivide a drawn polygon…</source>
        <translation>Chia lô một vùng vẽ trên bản đồ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="57" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="58" />
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="59" />
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="60" />
        <source>Edit lots</source>
        <translation>Sửa lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="61" />
        <source>Select lots on the map (Shift+click adds a lot).</source>
        <translation>Chọn lô trên bản đồ (Shift+nhấp để chọn thêm lô).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="62" />
        <source>Merge lots</source>
        <translation>Gộp lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="63" />
        <source>Split lot by line</source>
        <translation>Cắt lô theo đường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="64" />
        <source>Renumber lots</source>
        <translation>Đánh số lại lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="69" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="69" />
        <source>NO</source>
        <translation>KHÔNG</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="71" />
        <source>Lots</source>
        <translation>Số lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="72" />
        <source>Lot share of the site</source>
        <translation>Tỷ lệ đất lô trên khu đất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="73" />
        <source>Geometric bound</source>
        <translation>Giới hạn hình học</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="74" />
        <source>Lot share / bound</source>
        <translation>Tỷ lệ đất lô / giới hạn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="75" />
        <source>Smallest lot</source>
        <translation>Lô nhỏ nhất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="76" />
        <source>Mean lot</source>
        <translation>Lô trung bình</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="77" />
        <source>Largest lot</source>
        <translation>Lô lớn nhất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="78" />
        <source>Valid lots</source>
        <translation>Lô hợp lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="79" />
        <source>Mean rectangularity</source>
        <translation>Độ vuông vức trung bình</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="80" />
        <source>95th percentile depth / frontage</source>
        <translation>Sâu / mặt tiền (phân vị 95)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="81" />
        <source>Guarantees met</source>
        <translation>Đạt mọi bảo đảm</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="91" />
        <source>Land-use balance</source>
        <translation>Cân bằng sử dụng đất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="91" />
        <source>ha · %</source>
        <translation>ha · %</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="93" />
        <source>QCVN 01:2021 land use</source>
        <translation>Sử dụng đất theo QCVN 01:2021</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="93" />
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="93" />
        <source>NOT met</source>
        <translation>KHÔNG đạt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="100" />
        <source>No preview: start a subdivision above.</source>
        <translation>Chưa có bản xem trước: hãy bắt đầu chia lô ở trên.</translation>
    </message>
</context>
<context>
    <name>SubdivisionParamsDialog</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="27" />
        <source>Subdivision parameters</source>
        <translation>Thông số chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="48" />
        <source>CNHT: SME lots on roads</source>
        <translation>CNHT: lô DNNVV trên đường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="49" />
        <source>KCN: a whole industrial park (QCVN 01:2021)</source>
        <translation>KCN: cả khu công nghiệp (QCVN 01:2021)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="50" />
        <source>CCN: a whole industrial cluster (QCVN 01:2021)</source>
        <translation>CCN: cả cụm công nghiệp (QCVN 01:2021)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="56" />
        <source>X,Y (empty: nearest existing road)</source>
        <translation>X,Y (để trống: gần đường hiện có nhất)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="57" />
        <source>Pick the entrance on the map after Run</source>
        <translation>Chọn lối vào trên bản đồ sau khi bấm Chạy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="64" />
        <source>Layout preset</source>
        <translation>Mẫu bố cục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="65" />
        <source>Entrance</source>
        <translation>Lối vào</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="67" />
        <source>Lot mix (LOW-HIGH:SHARE, …)</source>
        <translation>Cơ cấu lô (THẤP-CAO:TỶ_LỆ, …)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="69" />
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="70" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="78" />
        <source>Minimum lot (m²)</source>
        <translation>Diện tích lô tối thiểu (m²)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="78" />
        <source>Frontage, lots under 1,000 m² (m)</source>
        <translation>Mặt tiền lô dưới 1.000 m² (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="79" />
        <source>Frontage, lots from 1,000 m² (m)</source>
        <translation>Mặt tiền lô từ 1.000 m² (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="80" />
        <source>Maximum depth / frontage</source>
        <translation>Tỷ lệ sâu / mặt tiền tối đa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="80" />
        <source>Road width (m)</source>
        <translation>Bề rộng đường (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="81" />
        <source>High-tech reserve share (0–0.9)</source>
        <translation>Tỷ lệ dành cho công nghệ cao (0–0,9)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="82" />
        <source>Green buffer along the boundary (m)</source>
        <translation>Dải cây xanh dọc ranh giới (m)</translation>
    </message>
</context>
<context>
    <name>SubdivisionTools</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="66" />
        <source>&amp;Subdivision</source>
        <translation>&amp;Chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="67" />
        <source>Subdivide vacant land…</source>
        <translation>Chia lô đất trống…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="68" />
        <source>Subdivide a drawn polygon…</source>
        <translation>Chia lô một vùng vẽ trên bản đồ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="69" />
        <source>Merge lots</source>
        <translation>Gộp lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="70" />
        <source>Split lot by line</source>
        <translation>Cắt lô theo đường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="71" />
        <location filename="../../gis_app/shell/subdivision/tools.py" line="324" />
        <source>Renumber lots</source>
        <translation>Đánh số lại lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="72" />
        <location filename="../../gis_app/shell/subdivision/tools.py" line="76" />
        <source>Subdivision</source>
        <translation>Chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="105" />
        <source>Click the entrance on the site's edge (Esc cancels).</source>
        <translation>Bấm vào lối vào trên ranh giới khu đất (Esc để hủy).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="129" />
        <source>Select a zone first (click it on the map or in the zone list).</source>
        <translation>Hãy chọn một khu trước (nhấp vào khu trên bản đồ hoặc trong danh sách khu).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="132" />
        <source>Subdivide the vacant land of %1</source>
        <translation>Chia lô đất trống của %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="155" />
        <source>Vacant land of %1</source>
        <translation>Đất trống của %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="167" />
        <source>Click the corners of the site; double-click to finish, Esc to cancel.</source>
        <translation>Nhấp các góc của khu đất; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="171" />
        <source>Subdivide a drawn polygon</source>
        <translation>Chia lô vùng đã vẽ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="193" />
        <source>Drawn polygon</source>
        <translation>Vùng đã vẽ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="209" />
        <source>Subdividing…</source>
        <translation>Đang chia lô…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="239" />
        <source>Subdivide %1 (%2 lots)</source>
        <translation>Chia lô %1 (%2 lô)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="272" />
        <source>Select exactly two lots of the same layout on the lots layer.</source>
        <translation>Hãy chọn đúng hai lô của cùng một phương án trên lớp lô.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="276" />
        <source>Merge lots %1 and %2</source>
        <translation>Gộp lô %1 và %2</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="284" />
        <source>Select one lot on the lots layer to split.</source>
        <translation>Hãy chọn một lô trên lớp lô để cắt.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="293" />
        <source>Draw the cutting line across the lot; double-click to finish, Esc to cancel.</source>
        <translation>Vẽ đường cắt ngang qua lô; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="297" />
        <source>Split lot %1</source>
        <translation>Cắt lô %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="309" />
        <source>Select a lot of the layout to renumber.</source>
        <translation>Hãy chọn một lô của phương án cần đánh số lại.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="315" />
        <source>Renumber %1 lots of %2</source>
        <translation>Đánh số lại %1 lô của %2</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="318" />
        <source>The lots are already numbered in road order.</source>
        <translation>Các lô đã được đánh số theo thứ tự dọc đường.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="322" />
        <source>Renumber the whole layout %1 in road order? %2 numbers change:</source>
        <translation>Đánh số lại toàn bộ phương án %1 theo thứ tự dọc đường? %2 số lô sẽ thay đổi:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="329" />
        <source>Renumber lots of %1</source>
        <translation>Đánh số lại lô của %1</translation>
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
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="79" />
        <source>Rule set:</source>
        <translation>Bộ quy tắc:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="82" />
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="80" />
        <source>Rule sets…</source>
        <translation>Bộ quy tắc…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="81" />
        <source>Choose the province's rule sets, switch rules off, change thresholds</source>
        <translation>Chọn bộ quy tắc của tỉnh, tắt quy tắc, đổi ngưỡng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="83" />
        <source>The state on this date: zones established and operating, leases started by then</source>
        <translation>Tình trạng tại ngày này: các khu đã thành lập, đã hoạt động và hợp đồng thuê đã bắt đầu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="85" />
        <source>Map style:</source>
        <translation>Kiểu bản đồ:</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="86" />
        <source>Fill rate</source>
        <translation>Tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="87" />
        <source>Compliance</source>
        <translation>Tuân thủ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="88" />
        <source>High-tech subzone</source>
        <translation>Phân khu công nghệ cao</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="89" />
        <source>CNHT subzone</source>
        <translation>Phân khu CNHT</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="98" />
        <source>* thresholds or severities changed for this project</source>
        <translation>* đã đổi ngưỡng hoặc mức độ cho dự án này</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="122" />
        <source>Select a zone on the map, in the zone list or in the table.</source>
        <translation>Chọn một khu trên bản đồ, trong danh sách khu hoặc trong bảng.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="124" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="126" />
        <source>Zone %1 is not checked: established after the as-of date.</source>
        <translation>Khu %1 không được kiểm tra: thành lập sau ngày đánh giá.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="134" />
        <source>Overall: %1</source>
        <translation>Tổng thể: %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="142" />
        <source>Findings</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="142" />
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="142" />
        <source>deficit</source>
        <translation>thiếu hụt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/rules/zone_dock.py" line="143" />
        <source>Source</source>
        <translation>Căn cứ</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="66" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="66" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="66" />
        <source>Fill rate</source>
        <translation>Tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="67" />
        <source>Compliance (the zone's worst finding)</source>
        <translation>Tuân thủ (kết quả xấu nhất của khu)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="68" />
        <source>Fill rate (leased / industrial land)</source>
        <translation>Tỷ lệ lấp đầy (đã thuê / đất công nghiệp)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="70" />
        <source>Illustrative data: zone outlines are invented, not official boundaries.</source>
        <translation>Dữ liệu minh họa: ranh giới các khu là giả định, không phải ranh giới chính thức.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="121" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="124" />
        <source>Violation</source>
        <translation>Vi phạm</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="124" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="124" />
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="125" />
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/zone_panel.py" line="127" />
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
    </message>
</context>
<context>
    <name>self.tools</name>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="111" />
        <source>Move vertex</source>
        <translation>Di chuyển đỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="133" />
        <source>Add vertex</source>
        <translation>Thêm đỉnh</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="159" />
        <source>A ring needs at least three vertices.</source>
        <translation>Một vòng cần ít nhất ba đỉnh.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/editing_tools.py" line="161" />
        <source>Delete vertex</source>
        <translation>Xóa đỉnh</translation>
    </message>
</context>
</TS>