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
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="94" />
        <source>Lots (subdivision)</source>
        <translation>Lô (chia lô)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="94" />
        <source>New roads (subdivision)</source>
        <translation>Đường mới (chia lô)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/panels/layer_panel.py" line="95" />
        <source>Access edges (subdivision)</source>
        <translation>Cạnh tiếp cận (chia lô)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="133" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="134" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="137" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="138" />
        <source>&amp;Processing</source>
        <translation>&amp;Xử lý</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="139" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="140" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="141" />
        <source>Open project…</source>
        <translation>Mở dự án…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="142" />
        <source>Save project</source>
        <translation>Lưu dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="143" />
        <source>Save project as…</source>
        <translation>Lưu dự án thành…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="144" />
        <source>Add polygon layer (SHP, GPKG, GeoJSON)…</source>
        <translation>Thêm lớp vùng (SHP, GPKG, GeoJSON)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="145" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="146" />
        <source>Zoom to full extent</source>
        <translation>Phóng toàn bộ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="147" />
        <source>Zoom to current layer</source>
        <translation>Phóng tới lớp đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="148" />
        <source>Zoom to selection</source>
        <translation>Phóng tới vùng chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="149" />
        <source>Identify features</source>
        <translation>Xem thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="152" />
        <source>About KCN Planner…</source>
        <translation>Giới thiệu KCN Planner…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="155" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="156" />
        <source>Zones and fill rates</source>
        <translation>Các khu và tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="157" />
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="158" />
        <source>ILLUSTRATIVE DATA</source>
        <translation>DỮ LIỆU MINH HỌA</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="172" />
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="173" />
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="176" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="177" />
        <source>illustrative data</source>
        <translation>dữ liệu minh họa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="206" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="29" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="115" />
        <location filename="../../gis_app/shell/window_actions.py" line="118" />
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="137" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="143" />
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="156" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="156" />
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="166" />
        <source>Add polygon layer</source>
        <translation>Thêm lớp vùng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="188" />
        <source>Added layer %1 (%2 features)</source>
        <translation>Đã thêm lớp %1 (%2 đối tượng)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="260" />
        <source>Identify results</source>
        <translation>Thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="263" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="263" />
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
</context>
<context>
    <name>SubdivisionPanel</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="60" />
        <source>Subdivide vacant land of the selected zone…</source>
        <translation>Chia lô đất trống của khu đang chọn…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="61" />
        <source>Subdivide a drawn polygon…</source>
        <translation>Chia lô một vùng vẽ trên bản đồ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="62" />
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="63" />
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="64" />
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="65" />
        <source>Edit lots</source>
        <translation>Sửa lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="66" />
        <source>Select lots on the map (Shift+click adds a lot).</source>
        <translation>Chọn lô trên bản đồ (Shift+nhấp để chọn thêm lô).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="67" />
        <source>Merge lots</source>
        <translation>Gộp lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="68" />
        <source>Split lot by line</source>
        <translation>Cắt lô theo đường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="69" />
        <source>Renumber lots</source>
        <translation>Đánh số lại lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="74" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="74" />
        <source>NO</source>
        <translation>KHÔNG</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="76" />
        <source>Lots</source>
        <translation>Số lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="77" />
        <source>Lot share of the site</source>
        <translation>Tỷ lệ đất lô trên khu đất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="78" />
        <source>Geometric bound</source>
        <translation>Giới hạn hình học</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="79" />
        <source>Lot share / bound</source>
        <translation>Tỷ lệ đất lô / giới hạn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="80" />
        <source>Smallest lot</source>
        <translation>Lô nhỏ nhất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="81" />
        <source>Mean lot</source>
        <translation>Lô trung bình</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="82" />
        <source>Largest lot</source>
        <translation>Lô lớn nhất</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="83" />
        <source>Valid lots</source>
        <translation>Lô hợp lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="84" />
        <source>Mean rectangularity</source>
        <translation>Độ vuông vức trung bình</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="85" />
        <source>95th percentile depth / frontage</source>
        <translation>Sâu / mặt tiền (phân vị 95)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="86" />
        <source>Guarantees met</source>
        <translation>Đạt mọi bảo đảm</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/panel.py" line="93" />
        <source>No preview: start a subdivision above.</source>
        <translation>Chưa có bản xem trước: hãy bắt đầu chia lô ở trên.</translation>
    </message>
</context>
<context>
    <name>SubdivisionParamsDialog</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="22" />
        <source>Subdivision parameters</source>
        <translation>Thông số chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="43" />
        <source>Lot mix (LOW-HIGH:SHARE, …)</source>
        <translation>Cơ cấu lô (THẤP-CAO:TỶ_LỆ, …)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="45" />
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="46" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="54" />
        <source>Minimum lot (m²)</source>
        <translation>Diện tích lô tối thiểu (m²)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="54" />
        <source>Frontage, lots under 1,000 m² (m)</source>
        <translation>Mặt tiền lô dưới 1.000 m² (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="55" />
        <source>Frontage, lots from 1,000 m² (m)</source>
        <translation>Mặt tiền lô từ 1.000 m² (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="56" />
        <source>Maximum depth / frontage</source>
        <translation>Tỷ lệ sâu / mặt tiền tối đa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="56" />
        <source>Road width (m)</source>
        <translation>Bề rộng đường (m)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="57" />
        <source>High-tech reserve share (0–0.9)</source>
        <translation>Tỷ lệ dành cho công nghệ cao (0–0,9)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/params_dialog.py" line="58" />
        <source>Green buffer along the boundary (m)</source>
        <translation>Dải cây xanh dọc ranh giới (m)</translation>
    </message>
</context>
<context>
    <name>SubdivisionTools</name>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="65" />
        <source>&amp;Subdivision</source>
        <translation>&amp;Chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="66" />
        <source>Subdivide vacant land…</source>
        <translation>Chia lô đất trống…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="67" />
        <source>Subdivide a drawn polygon…</source>
        <translation>Chia lô một vùng vẽ trên bản đồ…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="68" />
        <source>Merge lots</source>
        <translation>Gộp lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="69" />
        <source>Split lot by line</source>
        <translation>Cắt lô theo đường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="70" />
        <source>Renumber lots</source>
        <translation>Đánh số lại lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="71" />
        <location filename="../../gis_app/shell/subdivision/tools.py" line="75" />
        <source>Subdivision</source>
        <translation>Chia lô</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="99" />
        <source>Select a zone first (click it on the map or in the zone list).</source>
        <translation>Hãy chọn một khu trước (nhấp vào khu trên bản đồ hoặc trong danh sách khu).</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="101" />
        <source>Subdivide the vacant land of %1</source>
        <translation>Chia lô đất trống của %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="113" />
        <source>Vacant land of %1</source>
        <translation>Đất trống của %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="123" />
        <source>Click the corners of the site; double-click to finish, Esc to cancel.</source>
        <translation>Nhấp các góc của khu đất; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="126" />
        <source>Subdivide a drawn polygon</source>
        <translation>Chia lô vùng đã vẽ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="138" />
        <source>Drawn polygon</source>
        <translation>Vùng đã vẽ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="142" />
        <source>Subdividing…</source>
        <translation>Đang chia lô…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="172" />
        <source>Subdivide %1 (%2 lots)</source>
        <translation>Chia lô %1 (%2 lô)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="203" />
        <source>Select exactly two lots of the same layout on the lots layer.</source>
        <translation>Hãy chọn đúng hai lô của cùng một phương án trên lớp lô.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="207" />
        <source>Merge lots %1 and %2</source>
        <translation>Gộp lô %1 và %2</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="215" />
        <source>Select one lot on the lots layer to split.</source>
        <translation>Hãy chọn một lô trên lớp lô để cắt.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="224" />
        <source>Draw the cutting line across the lot; double-click to finish, Esc to cancel.</source>
        <translation>Vẽ đường cắt ngang qua lô; nhấp đúp để kết thúc, Esc để hủy.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="228" />
        <source>Split lot %1</source>
        <translation>Cắt lô %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="239" />
        <source>Select a lot of the layout to renumber.</source>
        <translation>Hãy chọn một lô của phương án cần đánh số lại.</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/subdivision/tools.py" line="241" />
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