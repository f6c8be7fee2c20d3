<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ImageExport</name>
    <message>
        <location filename="../src/app/image_export.cpp" line="23"/>
        <source>the variation is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_export.cpp" line="31"/>
        <source>cannot create the file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_export.cpp" line="36"/>
        <source>cannot encode the PNG (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_export.cpp" line="39"/>
        <source>cannot write the file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageLoader</name>
    <message>
        <location filename="../src/app/image_loader.cpp" line="24"/>
        <source>%1x%2 is %3 megapixels, more than the limit of %4 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="46"/>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="47"/>
        <source>is a folder, not an image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="48"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="53"/>
        <source>not an image format Atelier can read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="63"/>
        <source>cannot decode the image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptPanel</name>
    <message>
        <location filename="../ui/prompt_panel.ui" line="14"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="20"/>
        <source>Generation</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="29"/>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="48"/>
        <source>What to paint into the masked area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="55"/>
        <source>&amp;Negative:</source>
        <translation>&amp;Negativ:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="74"/>
        <source>What to steer away from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="81"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="91"/>
        <source>None: classical fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="94"/>
        <source>Path of a diffusion checkpoint. Leave empty to use the classical (model-free) fill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="101"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="123"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="126"/>
        <source>Pick a random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="135"/>
        <source>S&amp;teps:</source>
        <translation>S&amp;chritte:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="158"/>
        <source>&amp;Variations:</source>
        <translation>&amp;Varianten:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="184"/>
        <source>Mask brush</source>
        <translation>Maskenpinsel</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="193"/>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="203"/>
        <source>Brush diameter in image pixels ([ and ] on the canvas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="206"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="222"/>
        <source>&amp;Hardness:</source>
        <translation>&amp;Härte:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="232"/>
        <source>100% gives a hard edge; lower values fade the edge out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="248"/>
        <source>&amp;Erase (right button erases too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="260"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="273"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="285"/>
        <source>%v / %m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::app::EditorSession</name>
    <message>
        <location filename="../src/app/editor_session.cpp" line="23"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="59"/>
        <source>Erase mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="59"/>
        <source>Paint mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="77"/>
        <source>Clear mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="84"/>
        <source>Apply variation (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::app::JobRunner</name>
    <message>
        <location filename="../src/app/job_runner.cpp" line="104"/>
        <source>unknown error in the edit job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::app::VariationsModel</name>
    <message>
        <location filename="../src/app/variations_model.cpp" line="23"/>
        <source>#%1 · seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="55"/>
        <source>(not used by this backend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="56"/>
        <source>Prompt: %1
Seed: %2
Backend: %3 (%4)
Job %5, variation %6 of %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="57"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::gui::CanvasView</name>
    <message>
        <location filename="../src/gui/canvas_view.cpp" line="124"/>
        <source>Open an image (File ▸ Open…) or drop an image file here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/canvas_view.cpp" line="140"/>
        <source>Preview: Apply to keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::gui::JobMonitorDock</name>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="14"/>
        <source>Job monitor</source>
        <translation>Auftragsmonitor</translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="27"/>
        <source>seconds per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="28"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="29"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="38"/>
        <source>No job yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/job_monitor_dock.cpp" line="56"/>
        <source>starting, %n variation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="71"/>
        <source>step %1 of %2 (%3), %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="77"/>
        <source>; %1 s in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="78"/>
        <source>Job %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/main_window.cpp" line="44"/>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="40"/>
        <location filename="../src/gui/main_window.cpp" line="48"/>
        <source>x %1, y %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="55"/>
        <source>Open an image to start: File ▸ Open… or drop a file on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="63"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="73"/>
        <source>Opened image</source>
        <translation>Geöffnetes Bild</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="74"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="102"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="103"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="105"/>
        <source>&amp;Export Selected Variation…</source>
        <translation>Ausgewählte Variante &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="106"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="108"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="112"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="113"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="115"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="120"/>
        <source>&amp;Clear Mask</source>
        <translation>Maske &amp;leeren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="121"/>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="123"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="124"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="125"/>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="126"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="128"/>
        <source>&amp;Fit to Window</source>
        <translation>In &amp;Fenster einpassen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="129"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="130"/>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="131"/>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="137"/>
        <source>%1[*] — Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="39"/>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="40"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="49"/>
        <source>Cannot open the image</source>
        <translation>Das Bild kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="55"/>
        <source>Opened %1: paint a mask over what to regenerate, then press Generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="62"/>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="69"/>
        <source>Select a variation to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="82"/>
        <source>Export Variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="82"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="88"/>
        <source>Cannot export the variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="91"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="24"/>
        <source>Generating %n variation(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="37"/>
        <source>Variation %1 of %2 is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="45"/>
        <source>cancelled after %n variation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="46"/>
        <source>done, %n variation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="48"/>
        <source>Cancelled: %n variation(s) finished.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="49"/>
        <source>Done: %n variation(s). Click one to preview it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="55"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="56"/>
        <source>Generation failed</source>
        <translation>Generierung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="62"/>
        <source>A job is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="66"/>
        <source>Open an image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="70"/>
        <source>Paint a mask over the area to regenerate first (left mouse button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="80"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="88"/>
        <source>Cannot apply the variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="93"/>
        <source>Applied the variation with seed %1 (Undo reverts it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::gui::VariationsDock</name>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="15"/>
        <source>Variations</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="34"/>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="36"/>
        <source>Put the selected variation into the image (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="37"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="39"/>
        <source>Save the selected variation as a PNG file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/gui/main.cpp" line="30"/>
        <source>Native desktop studio for AI image editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/main.cpp" line="33"/>
        <source>Image file to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
