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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="123" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="124" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="125" />
        <source>&amp;Processing</source>
        <translation>&amp;Xử lý</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="126" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="127" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="128" />
        <source>Open project…</source>
        <translation>Mở dự án…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="129" />
        <source>Save project</source>
        <translation>Lưu dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="130" />
        <source>Save project as…</source>
        <translation>Lưu dự án thành…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="131" />
        <source>Add polygon layer (SHP, GPKG, GeoJSON)…</source>
        <translation>Thêm lớp vùng (SHP, GPKG, GeoJSON)…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="132" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="133" />
        <source>Zoom to full extent</source>
        <translation>Phóng toàn bộ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="134" />
        <source>Zoom to current layer</source>
        <translation>Phóng tới lớp đang chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="135" />
        <source>Zoom to selection</source>
        <translation>Phóng tới vùng chọn</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="136" />
        <source>Identify features</source>
        <translation>Xem thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="139" />
        <source>About KCN Planner…</source>
        <translation>Giới thiệu KCN Planner…</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="142" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="143" />
        <source>Zones and fill rates</source>
        <translation>Các khu và tỷ lệ lấp đầy</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="144" />
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="145" />
        <source>ILLUSTRATIVE DATA</source>
        <translation>DỮ LIỆU MINH HỌA</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="152" />
        <source>Untitled</source>
        <translation>Chưa đặt tên</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="153" />
        <source>illustrative data</source>
        <translation>dữ liệu minh họa</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/main_window.py" line="182" />
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="29" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="112" />
        <location filename="../../gis_app/shell/window_actions.py" line="115" />
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="134" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="140" />
        <source>Save project as</source>
        <translation>Lưu dự án thành</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="153" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="153" />
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Dự án có thay đổi chưa lưu. Lưu trước khi tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="163" />
        <source>Add polygon layer</source>
        <translation>Thêm lớp vùng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="185" />
        <source>Added layer %1 (%2 features)</source>
        <translation>Đã thêm lớp %1 (%2 đối tượng)</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="257" />
        <source>Identify results</source>
        <translation>Thông tin đối tượng</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="260" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../gis_app/shell/window_actions.py" line="260" />
        <source>Value</source>
        <translation>Giá trị</translation>
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