<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ImageLoader</name>
    <message>
        <location filename="../src/app/image_loader.cpp" line="24"/>
        <source>%1x%2 is %3 megapixels, more than the limit of %4 megapixels</source>
        <translation>%1×%2 sind %3 Megapixel, mehr als die Grenze von %4 Megapixeln</translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="46"/>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="47"/>
        <source>is a folder, not an image file</source>
        <translation>ist ein Ordner, keine Bilddatei</translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="48"/>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="53"/>
        <source>not an image format Atelier can read (%1)</source>
        <translation>kein Bildformat, das Atelier lesen kann (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/image_loader.cpp" line="63"/>
        <source>cannot decode the image (%1)</source>
        <translation>das Bild lässt sich nicht dekodieren (%1)</translation>
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
        <translation>Was in den maskierten Bereich gemalt werden soll</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="55"/>
        <source>&amp;Negative:</source>
        <translation>&amp;Negativ:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="74"/>
        <source>What to steer away from</source>
        <translation>Was vermieden werden soll</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="81"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="91"/>
        <source>None: classical fill</source>
        <translation>Keins: klassische Füllung</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="94"/>
        <source>Path of a diffusion checkpoint. Leave empty to use the classical (model-free) fill.</source>
        <translation>Pfad eines Diffusions-Checkpoints. Leer lassen für die klassische Füllung (ohne Modell).</translation>
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
        <translation>Zufälligen Seed wählen</translation>
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
        <translation>Pinseldurchmesser in Bildpixeln ([ und ] auf der Leinwand)</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="206"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="222"/>
        <source>&amp;Hardness:</source>
        <translation>&amp;Härte:</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="232"/>
        <source>100% gives a hard edge; lower values fade the edge out</source>
        <translation>100 % ergibt eine harte Kante; kleinere Werte lassen die Kante auslaufen</translation>
    </message>
    <message>
        <location filename="../ui/prompt_panel.ui" line="248"/>
        <source>&amp;Erase (right button erases too)</source>
        <translation>&amp;Radieren (auch die rechte Maustaste radiert)</translation>
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
        <translation>%v / %m</translation>
    </message>
</context>
<context>
    <name>ToolHints</name>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="3"/>
        <source>Paint the mask; right button or Eraser removes; [ and ] resize</source>
        <translation>Maske malen; rechte Maustaste oder Radierer entfernt; [ und ] ändern die Größe</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="5"/>
        <source>Erase the mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="7"/>
        <source>Drag around an area; Shift adds, Alt subtracts</source>
        <translation>Um einen Bereich ziehen; Umschalt fügt hinzu, Alt zieht ab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="9"/>
        <source>Click corners; double-click or Enter closes; Shift adds, Alt subtracts</source>
        <translation>Ecken anklicken; Doppelklick oder Eingabe schließt; Umschalt fügt hinzu, Alt zieht ab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="11"/>
        <source>Drag a box; Shift adds, Alt subtracts</source>
        <translation>Rechteck aufziehen; Umschalt fügt hinzu, Alt zieht ab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="13"/>
        <source>Drag an ellipse; Shift adds, Alt subtracts</source>
        <translation>Ellipse aufziehen; Umschalt fügt hinzu, Alt zieht ab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="15"/>
        <source>Click a colour to select the similar area around it; Shift adds, Alt subtracts</source>
        <translation>Eine Farbe anklicken, um den ähnlichen Bereich darum auszuwählen; Umschalt fügt hinzu, Alt zieht ab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="17"/>
        <source>Click an object (Alt-click: not this), or drag a box; Tab cycles candidates; Enter commits, Esc discards</source>
        <translation>Ein Objekt anklicken (Alt-Klick: dies nicht) oder ein Rechteck aufziehen; Tab wechselt die Kandidaten; Eingabe übernimmt, Esc verwirft</translation>
    </message>
</context>
<context>
    <name>ToolNames</name>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="2"/>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="4"/>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="6"/>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="8"/>
        <source>Polygonal Lasso</source>
        <translation>Polygon-Lasso</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="10"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="12"/>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="14"/>
        <source>Magic Wand</source>
        <translation>Zauberstab</translation>
    </message>
    <message>
        <location filename="../build/src/gui/tool_strings_tr.h" line="16"/>
        <source>Segment</source>
        <translation>Segmentieren</translation>
    </message>
</context>
<context>
    <name>atelier::app</name>
    <message>
        <location filename="../src/app/mask_file.cpp" line="27"/>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="28"/>
        <source>is a folder, not an image file</source>
        <translation>ist ein Ordner, keine Bilddatei</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="32"/>
        <location filename="../src/app/mask_file.cpp" line="41"/>
        <source>%1x%2 does not match the image (%3x%4)</source>
        <translation>%1×%2 passt nicht zum Bild (%3×%4)</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="39"/>
        <source>cannot read the image (%1)</source>
        <translation>das Bild lässt sich nicht lesen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="51"/>
        <source>there is no mask to save</source>
        <translation>es gibt keine Maske zum Speichern</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="53"/>
        <source>cannot create the file (%1)</source>
        <translation>die Datei lässt sich nicht anlegen (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="57"/>
        <source>cannot encode the PNG (%1)</source>
        <translation>das PNG lässt sich nicht kodieren (%1)</translation>
    </message>
    <message>
        <location filename="../src/app/mask_file.cpp" line="59"/>
        <source>cannot write the file (%1)</source>
        <translation>die Datei lässt sich nicht schreiben (%1)</translation>
    </message>
</context>
<context>
    <name>atelier::app::EditorSession</name>
    <message>
        <location filename="../src/app/editor_session.cpp" line="55"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="28"/>
        <source>Erase mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="27"/>
        <source>Paint mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="32"/>
        <source>%1 (add)</source>
        <translation>%1 (hinzufügen)</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="34"/>
        <source>%1 (subtract)</source>
        <translation>%1 (abziehen)</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="198"/>
        <source>Load mask %1</source>
        <translation>Maske %1 laden</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="208"/>
        <source>Mask %1</source>
        <translation>Maske %1</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="210"/>
        <source>New mask layer</source>
        <translation>Neue Maskenebene</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="226"/>
        <source>Delete mask layer</source>
        <translation>Maskenebene löschen</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="283"/>
        <source>Rename mask layer to %1</source>
        <translation>Maskenebene in %1 umbenennen</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="293"/>
        <source>Change the overlay of %1</source>
        <translation>Überlagerung von %1 ändern</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="313"/>
        <source>Remove outpaint frame</source>
        <translation>Outpaint-Rahmen entfernen</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="313"/>
        <source>Outpaint frame</source>
        <translation>Outpaint-Rahmen</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation type="vanished">Maske leeren</translation>
    </message>
    <message>
        <location filename="../src/app/editor_session.cpp" line="320"/>
        <source>Apply variation (seed %1)</source>
        <translation>Variante übernehmen (Seed %1)</translation>
    </message>
</context>
<context>
    <name>atelier::app::JobHistoryModel</name>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="21"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="22"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="37"/>
        <source>Job requested</source>
        <translation>Auftrag angefordert</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="38"/>
        <source>Job finished</source>
        <translation>Auftrag beendet</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="39"/>
        <source>Job failed</source>
        <translation>Auftrag fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="40"/>
        <source>Job cancelled</source>
        <translation>Auftrag abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="41"/>
        <source>Approved</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="42"/>
        <source>Approval revoked</source>
        <translation>Annahme zurückgenommen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="43"/>
        <source>Rejected</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="44"/>
        <source>Rejection revoked</source>
        <translation>Verwerfen zurückgenommen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="45"/>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="46"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="64"/>
        <source>variation %1</source>
        <translation>Variante %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/job_history_model.cpp" line="69"/>
        <source>%1, %n variation(s)</source>
        <translation>
            <numerusform>%1, %n Variante</numerusform>
            <numerusform>%1, %n Varianten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/job_history_model.cpp" line="74"/>
        <source>done, %n variation(s)</source>
        <translation>
            <numerusform>fertig, %n Variante</numerusform>
            <numerusform>fertig, %n Varianten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/job_history_model.cpp" line="75"/>
        <source>cancelled after %n variation(s)</source>
        <translation>
            <numerusform>abgebrochen nach %n Variante</numerusform>
            <numerusform>abgebrochen nach %n Varianten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="79"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="82"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="138"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="139"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="140"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="141"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="142"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="143"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/app/job_history_model.cpp" line="144"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>atelier::app::JobRunner</name>
    <message>
        <location filename="../src/app/job_runner.cpp" line="104"/>
        <source>unknown error in the edit job</source>
        <translation>unbekannter Fehler im Bearbeitungsauftrag</translation>
    </message>
</context>
<context>
    <name>atelier::app::MaskLayersModel</name>
    <message>
        <location filename="../src/app/mask_layers_model.cpp" line="101"/>
        <source>%1: check to show its overlay; double-click to rename</source>
        <translation>%1: ankreuzen, um die Überlagerung zu zeigen; Doppelklick zum Umbenennen</translation>
    </message>
    <message>
        <location filename="../src/app/mask_layers_model.cpp" line="108"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../src/app/mask_layers_model.cpp" line="111"/>
        <source>Overlay opacity; double-click to change</source>
        <translation>Deckkraft der Überlagerung; Doppelklick zum Ändern</translation>
    </message>
    <message>
        <location filename="../src/app/mask_layers_model.cpp" line="153"/>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location filename="../src/app/mask_layers_model.cpp" line="154"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
</context>
<context>
    <name>atelier::app::ProjectSaver</name>
    <message>
        <location filename="../src/app/project_saver.cpp" line="39"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>atelier::app::SegmentController</name>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="56"/>
        <source>GrabCut (fallback)</source>
        <translation>GrabCut (Ersatz)</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="66"/>
        <source>Segment: %1 — no SAM model set</source>
        <translation>Segmentieren: %1 – kein SAM-Modell eingestellt</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="70"/>
        <source>Loading the segmentation model %1…</source>
        <translation>Lade das Segmentierungsmodell %1 …</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="79"/>
        <source>Segment: %1 loaded</source>
        <translation>Segmentieren: %1 geladen</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="88"/>
        <source>Segment: %1 — the SAM model did not load</source>
        <translation>Segmentieren: %1 – das SAM-Modell ließ sich nicht laden</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="117"/>
        <source>Segment: encoding the image with %1…</source>
        <translation>Segmentieren: kodiere das Bild mit %1 …</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="146"/>
        <source>Segment: %1 ready (image encoded in %2 s)</source>
        <translation>Segmentieren: %1 bereit (Bild in %2 s kodiert)</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="175"/>
        <source>Segment: %1</source>
        <translation>Segmentieren: %1</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="183"/>
        <source>Segment: %1 working…</source>
        <translation>Segmentieren: %1 arbeitet …</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/segment_controller.cpp" line="202"/>
        <source>Segment: %1, %n candidate(s) in %2 ms</source>
        <translation>
            <numerusform>Segmentieren: %1, %n Kandidat in %2 ms</numerusform>
            <numerusform>Segmentieren: %1, %n Kandidaten in %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="205"/>
        <source>, predicted IoU %1</source>
        <translation>, vorhergesagte IoU %1</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="206"/>
        <source> — Tab: next candidate</source>
        <translation> – Tab: nächster Kandidat</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="207"/>
        <source> — Enter: apply, Esc: discard</source>
        <translation> – Eingabe: übernehmen, Esc: verwerfen</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="240"/>
        <source>Segment: candidate %1 of %2, score %3</source>
        <translation>Segmentieren: Kandidat %1 von %2, Bewertung %3</translation>
    </message>
    <message>
        <location filename="../src/app/segment_controller.cpp" line="258"/>
        <source>Segment</source>
        <translation>Segmentieren</translation>
    </message>
</context>
<context>
    <name>atelier::app::SubjectSelection</name>
    <message>
        <location filename="../src/app/subject_selection.cpp" line="58"/>
        <source>Select subject: the image changed while the subject was being masked; try again</source>
        <translation>Motiv auswählen: Das Bild hat sich geändert, während das Motiv maskiert wurde; bitte erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/app/subject_selection.cpp" line="73"/>
        <source>Select subject</source>
        <translation>Motiv auswählen</translation>
    </message>
</context>
<context>
    <name>atelier::app::VariationsModel</name>
    <message>
        <location filename="../src/app/variations_model.cpp" line="26"/>
        <source>#%1 · seed %2</source>
        <translation>#%1 · Seed %2</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="82"/>
        <location filename="../src/app/variations_model.cpp" line="85"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="83"/>
        <source>Negative prompt</source>
        <translation>Negativer Prompt</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="85"/>
        <source>(not used by this backend)</source>
        <translation>(von diesem Backend nicht verwendet)</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="87"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="89"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="90"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="91"/>
        <source>CFG</source>
        <translation>CFG</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="92"/>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="94"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="96"/>
        <source>Variation</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="96"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="101"/>
        <source>Job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <location filename="../src/app/variations_model.cpp" line="75"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>atelier::gui::CanvasView</name>
    <message>
        <location filename="../src/gui/canvas_view.cpp" line="135"/>
        <source>Open an image (File ▸ Open…) or drop an image file here</source>
        <translation>Ein Bild öffnen (Datei ▸ Öffnen …) oder eine Bilddatei hier ablegen</translation>
    </message>
    <message>
        <location filename="../src/gui/canvas_compare.cpp" line="103"/>
        <source>After (preview): Apply to keep it · \ shows before</source>
        <translation>Nachher (Vorschau): Übernehmen, um sie zu behalten · \ zeigt vorher</translation>
    </message>
    <message>
        <location filename="../src/gui/canvas_compare.cpp" line="106"/>
        <source>Before (the image as it is) · \ shows after</source>
        <translation>Vorher (das Bild, wie es ist) · \ zeigt nachher</translation>
    </message>
    <message>
        <location filename="../src/gui/canvas_compare.cpp" line="129"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../src/gui/canvas_compare.cpp" line="130"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>atelier::gui::JobHistoryDock</name>
    <message>
        <location filename="../src/gui/job_history_dock.cpp" line="12"/>
        <source>History of Jobs</source>
        <translation>Auftragsverlauf</translation>
    </message>
    <message>
        <location filename="../src/gui/job_history_dock.cpp" line="26"/>
        <source>Rejection revoked</source>
        <translation>Verwerfen zurückgenommen</translation>
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
        <translation>Sekunden pro Schritt</translation>
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
        <translation>Noch kein Auftrag.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/job_monitor_dock.cpp" line="56"/>
        <source>starting, %n variation(s)</source>
        <translation>
            <numerusform>starte, %n Variante</numerusform>
            <numerusform>starte, %n Varianten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="71"/>
        <source>step %1 of %2 (%3), %4 s</source>
        <translation>Schritt %1 von %2 (%3), %4 s</translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="77"/>
        <source>; %1 s in total</source>
        <translation>; %1 s insgesamt</translation>
    </message>
    <message>
        <location filename="../src/gui/job_monitor_dock.cpp" line="78"/>
        <source>Job %1: %2%3</source>
        <translation>Auftrag %1: %2%3</translation>
    </message>
</context>
<context>
    <name>atelier::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/main_window.cpp" line="63"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="45"/>
        <location filename="../src/gui/main_window.cpp" line="67"/>
        <source>x %1, y %2</source>
        <translation>x %1, y %2</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="51"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="74"/>
        <source>Open an image to start: File ▸ Open… or drop a file on the window.</source>
        <translation>Zum Beginnen ein Bild öffnen: Datei ▸ Öffnen … oder eine Datei auf das Fenster ziehen.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="82"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="92"/>
        <source>Opened image</source>
        <translation>Geöffnetes Bild</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="93"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="107"/>
        <source>Cannot add the reference image</source>
        <translation>Das Referenzbild lässt sich nicht hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="139"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="140"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="143"/>
        <source>&amp;Export Selected Variation…</source>
        <translation>Ausgewählte Variante &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="144"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="146"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="150"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="151"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="153"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="158"/>
        <source>&amp;Paste Image</source>
        <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="38"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="48"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="61"/>
        <source>Wand tolerance </source>
        <translation>Zauberstab-Toleranz </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="73"/>
        <source>How far a colour may differ from the clicked one (0..255) for the magic wand</source>
        <translation>Wie weit eine Farbe von der angeklickten abweichen darf (0..255), für den Zauberstab</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="91"/>
        <source>&amp;Mask</source>
        <translation>&amp;Maske</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="99"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="100"/>
        <source>&amp;Clear Mask</source>
        <translation>Maske &amp;leeren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="100"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="101"/>
        <source>&amp;Invert Mask</source>
        <translation>Maske &amp;umkehren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="101"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="103"/>
        <source>&amp;Grow…</source>
        <translation>&amp;Erweitern …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="104"/>
        <source>&amp;Shrink…</source>
        <translation>&amp;Verkleinern …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="105"/>
        <source>&amp;Feather…</source>
        <translation>Weiche &amp;Kante …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="105"/>
        <source>Shift+F6</source>
        <translation>Shift+F6</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="106"/>
        <source>Fill &amp;Holes</source>
        <translation>&amp;Löcher füllen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="108"/>
        <source>&amp;New Mask Layer</source>
        <translation>&amp;Neue Maskenebene</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="112"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="113"/>
        <source>&amp;Delete Mask Layer</source>
        <translation>Maskenebene &amp;löschen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="114"/>
        <source>The last mask layer stays.</source>
        <translation>Die letzte Maskenebene bleibt.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="117"/>
        <source>Ne&amp;xt Mask Layer</source>
        <translation>Nä&amp;chste Maskenebene</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="119"/>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="120"/>
        <source>Mask &amp;Colour…</source>
        <translation>Masken&amp;farbe …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="126"/>
        <source>Mask Colour</source>
        <translation>Maskenfarbe</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="133"/>
        <location filename="../src/gui/main_window_mask.cpp" line="200"/>
        <source>Cannot change the mask</source>
        <translation>Die Maske lässt sich nicht ändern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="138"/>
        <source>S&amp;how Mask</source>
        <translation>Maske &amp;zeigen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="142"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="154"/>
        <source>&amp;Load Mask…</source>
        <translation>Maske &amp;laden …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="156"/>
        <source>Load Mask</source>
        <translation>Maske laden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="157"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="162"/>
        <source>Cannot load the mask</source>
        <translation>Die Maske lässt sich nicht laden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="166"/>
        <source>Sa&amp;ve Mask…</source>
        <translation>Maske &amp;speichern …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="171"/>
        <source>Save Mask</source>
        <translation>Maske speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="176"/>
        <source>Saved the mask to %1</source>
        <translation>Maske nach %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="178"/>
        <source>Cannot save the mask</source>
        <translation>Die Maske lässt sich nicht speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="192"/>
        <source>Grow Mask</source>
        <translation>Maske erweitern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="193"/>
        <source>Shrink Mask</source>
        <translation>Maske verkleinern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="194"/>
        <source>Feather Mask</source>
        <translation>Maskenkante weich machen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="195"/>
        <source>Pixels:</source>
        <translation>Pixel:</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="218"/>
        <source>&amp;Image</source>
        <translation>&amp;Bild</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="219"/>
        <source>&amp;Outpaint Frame…</source>
        <translation>&amp;Outpaint-Rahmen …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="229"/>
        <source>Cannot set the outpaint frame</source>
        <translation>Der Outpaint-Rahmen lässt sich nicht setzen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="233"/>
        <source>&amp;Drag Outpaint Frame</source>
        <translation>Outpaint-Rahmen &amp;ziehen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="236"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="237"/>
        <source>Drag beyond an edge of the image to extend the canvas there</source>
        <translation>Über einen Bildrand hinaus ziehen, um die Leinwand dort zu erweitern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="240"/>
        <source>&amp;Remove Outpaint Frame</source>
        <translation>Outpaint-Rahmen &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="246"/>
        <source>History &amp;Memory Budget…</source>
        <translation>&amp;Speicherbudget des Verlaufs …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="248"/>
        <source>History Memory Budget</source>
        <translation>Speicherbudget des Verlaufs</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="248"/>
        <source>Megabytes of undo history to keep:</source>
        <translation>Megabyte Rückgängig-Verlauf, die behalten werden:</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="254"/>
        <source>Image &amp;Size Limit…</source>
        <translation>Grenze der &amp;Bildgröße …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="256"/>
        <source>Image Size Limit</source>
        <translation>Grenze der Bildgröße</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="256"/>
        <source>Largest image to open, in megapixels:</source>
        <translation>Größtes Bild, das geöffnet wird, in Megapixeln:</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="276"/>
        <source>History keeps up to %1 MB of undo steps.</source>
        <translation>Der Verlauf behält bis zu %1 MB an Rückgängig-Schritten.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="167"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="168"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="169"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="171"/>
        <source>&amp;Fit to Window</source>
        <translation>In &amp;Fenster einpassen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="172"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="173"/>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="174"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window.cpp" line="181"/>
        <source>%1[*] — Atelier</source>
        <translation>%1[*] — Atelier</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="48"/>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="49"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="59"/>
        <source>Cannot open the image</source>
        <translation>Das Bild kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="67"/>
        <source>Opened %1: paint a mask over what to regenerate, then press Generate.</source>
        <translation>%1 geöffnet: Maske über das malen, was neu erzeugt werden soll, dann auf Erzeugen klicken.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="78"/>
        <source>Replace the image?</source>
        <translation>Das Bild ersetzen?</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="79"/>
        <source>%1 has changes that are not saved. Replace it anyway? Its history will be lost.</source>
        <translation>%1 hat ungespeicherte Änderungen. Trotzdem ersetzen? Der Verlauf geht verloren.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="98"/>
        <source>The clipboard holds no image.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="103"/>
        <source>Cannot paste the image</source>
        <translation>Das Bild lässt sich nicht einfügen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="104"/>
        <source>The clipboard image is %1x%2, %3 megapixels, more than the limit of %4 megapixels.</source>
        <translation>Das Bild in der Zwischenablage hat %1×%2, %3 Megapixel, mehr als die Grenze von %4 Megapixeln.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="118"/>
        <source>Pasted a %1x%2 image.</source>
        <translation>Ein Bild mit %1×%2 eingefügt.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="124"/>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="131"/>
        <source>Select a variation to export first.</source>
        <translation>Zuerst eine Variante zum Exportieren auswählen.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="153"/>
        <source>Export Variation</source>
        <translation>Variante exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="154"/>
        <location filename="../src/gui/main_window_project.cpp" line="405"/>
        <source>PNG images (*.png);;JPEG images (*.jpg *.jpeg);;WebP images (*.webp)</source>
        <translation>PNG-Bilder (*.png);;JPEG-Bilder (*.jpg *.jpeg);;WebP-Bilder (*.webp)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="214"/>
        <source>Save the project?</source>
        <translation>Das Projekt speichern?</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="215"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_mask.cpp" line="171"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="165"/>
        <source>Cannot export the variation</source>
        <translation>Die Variante lässt sich nicht exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_files.cpp" line="174"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="31"/>
        <source>Generating %n variation(s)…</source>
        <translation>
            <numerusform>Erzeuge %n Variante …</numerusform>
            <numerusform>Erzeuge %n Varianten …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="45"/>
        <source>Variation %1 of %2 is ready.</source>
        <translation>Variante %1 von %2 ist fertig.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="58"/>
        <source>cancelled after %n variation(s)</source>
        <translation>
            <numerusform>abgebrochen nach %n Variante</numerusform>
            <numerusform>abgebrochen nach %n Varianten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="59"/>
        <source>done, %n variation(s)</source>
        <translation>
            <numerusform>fertig, %n Variante</numerusform>
            <numerusform>fertig, %n Varianten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="61"/>
        <source>Cancelled: %n variation(s) finished.</source>
        <translation>
            <numerusform>Abgebrochen: %n Variante fertig.</numerusform>
            <numerusform>Abgebrochen: %n Varianten fertig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_jobs.cpp" line="62"/>
        <source>Done: %n variation(s). Click one to preview it.</source>
        <translation>
            <numerusform>Fertig: %n Variante. Zum Ansehen anklicken.</numerusform>
            <numerusform>Fertig: %n Varianten. Eine anklicken, um sie anzusehen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="72"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="73"/>
        <source>Generation failed</source>
        <translation>Generierung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="79"/>
        <location filename="../src/gui/main_window_jobs.cpp" line="96"/>
        <source>A job is already running.</source>
        <translation>Es läuft bereits ein Auftrag.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="83"/>
        <location filename="../src/gui/main_window_mask.cpp" line="186"/>
        <location filename="../src/gui/main_window_mask.cpp" line="221"/>
        <location filename="../src/gui/main_window_project.cpp" line="202"/>
        <location filename="../src/gui/main_window_project.cpp" line="246"/>
        <source>Open an image first.</source>
        <translation>Zuerst ein Bild öffnen.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="87"/>
        <source>Paint a mask over the area to regenerate first (left mouse button).</source>
        <translation>Zuerst eine Maske über den neu zu erzeugenden Bereich malen (linke Maustaste).</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="115"/>
        <source>The image or mask changed since this variation was made: re-running its recipe on the current ones.</source>
        <translation>Bild oder Maske haben sich seit dieser Variante geändert: Ihr Rezept wird auf die aktuellen angewandt.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="128"/>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="136"/>
        <source>Cannot apply the variation</source>
        <translation>Die Variante lässt sich nicht übernehmen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_jobs.cpp" line="144"/>
        <source>Applied the variation with seed %1 (Undo reverts it).</source>
        <translation>Variante mit Seed %1 übernommen (Rückgängig macht es rückgängig).</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="50"/>
        <source>Atelier projects (*.atelier)</source>
        <translation>Atelier-Projekte (*.atelier)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="60"/>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="61"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="65"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="66"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="70"/>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="73"/>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="77"/>
        <source>Export &amp;Approved Variations…</source>
        <translation>&amp;Angenommene Varianten exportieren …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="79"/>
        <source>Export &amp;Canvas…</source>
        <translation>&amp;Leinwand exportieren …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="167"/>
        <location filename="../src/gui/main_window_project.cpp" line="170"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt lässt sich nicht öffnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_project.cpp" line="195"/>
        <source>Opened project %1 (%n variation(s)).</source>
        <translation>
            <numerusform>Projekt %1 geöffnet (%n Variante).</numerusform>
            <numerusform>Projekt %1 geöffnet (%n Varianten).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="215"/>
        <location filename="../src/gui/main_window_project.cpp" line="224"/>
        <source>Cannot save the project</source>
        <translation>Das Projekt lässt sich nicht speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="220"/>
        <source>Saving %1…</source>
        <translation>Speichere %1 …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="235"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="254"/>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="266"/>
        <location filename="../src/gui/main_window_project.cpp" line="282"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="271"/>
        <source>Autosaving…</source>
        <translation>Speichere automatisch …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="278"/>
        <source>Autosaved.</source>
        <translation>Automatisch gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="289"/>
        <source>Restore unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="290"/>
        <source>Atelier did not close cleanly last time. Restore the project it autosaved?</source>
        <translation>Atelier wurde letztes Mal nicht sauber beendet. Das automatisch gespeicherte Projekt wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="306"/>
        <source>Restored the autosaved project: save it to keep it.</source>
        <translation>Das automatisch gespeicherte Projekt wurde wiederhergestellt: speichern, um es zu behalten.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="332"/>
        <source>Star (approve) the variations to export first.</source>
        <translation>Zuerst die zu exportierenden Varianten mit Stern annehmen.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="339"/>
        <source>Cannot export the approved variations</source>
        <translation>Die angenommenen Varianten lassen sich nicht exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/main_window_project.cpp" line="349"/>
        <source>Exported %n approved variation(s) to %1</source>
        <translation>
            <numerusform>%n angenommene Variante nach %1 exportiert</numerusform>
            <numerusform>%n angenommene Varianten nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="356"/>
        <source>Export Approved Variations To</source>
        <translation>Angenommene Varianten exportieren nach</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="362"/>
        <source>Export Approved Variations</source>
        <translation>Angenommene Varianten exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="362"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="372"/>
        <location filename="../src/gui/main_window_project.cpp" line="396"/>
        <source>The canvas holds no applied variation, so there is no recipe to export with it.</source>
        <translation>Die Leinwand enthält keine übernommene Variante, also gibt es kein Rezept, das mit exportiert werden kann.</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="381"/>
        <source>Cannot export the canvas</source>
        <translation>Die Leinwand lässt sich nicht exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="390"/>
        <source>Exported the canvas to %1</source>
        <translation>Leinwand nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_project.cpp" line="404"/>
        <source>Export Canvas</source>
        <translation>Leinwand exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="43"/>
        <location filename="../src/gui/main_window_segment.cpp" line="56"/>
        <source>Segment: %1</source>
        <translation>Segmentieren: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="45"/>
        <source>No SAM model: the segment tool uses GrabCut, a classical colour-based fallback. Choose SAM or MobileSAM weights in Mask ▸ Segmentation Model…</source>
        <translation>Kein SAM-Modell: Das Segmentierwerkzeug nutzt GrabCut, einen klassischen farbbasierten Ersatz. SAM- oder MobileSAM-Gewichte unter Maske ▸ Segmentierungsmodell … wählen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="47"/>
        <source>Segment Anything weights: %1</source>
        <translation>Segment-Anything-Gewichte: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="61"/>
        <source>Select S&amp;ubject</source>
        <translation>&amp;Motiv auswählen</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="66"/>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="67"/>
        <source>Mask the main subject of the image with the ISNet model (a few seconds)</source>
        <translation>Das Hauptmotiv des Bildes mit dem ISNet-Modell maskieren (einige Sekunden)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="71"/>
        <source>Selecting the subject…</source>
        <translation>Wähle das Motiv aus …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="76"/>
        <source>Subject selected (%1 s)</source>
        <translation>Motiv ausgewählt (%1 s)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="81"/>
        <source>Select subject: %1</source>
        <translation>Motiv auswählen: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="84"/>
        <source>Segmentation &amp;Model…</source>
        <translation>Segmentierungs&amp;modell …</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="87"/>
        <source>SAM or MobileSAM Weights</source>
        <translation>SAM- oder MobileSAM-Gewichte</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="88"/>
        <source>Segment Anything weights (*.pth *.pt *.safetensors);;All files (*)</source>
        <translation>Segment-Anything-Gewichte (*.pth *.pt *.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="94"/>
        <source>Choose Segment Anything (ViT-B/L/H) or MobileSAM weights for the segment tool; models/README.md says where to get them</source>
        <translation>Segment-Anything- (ViT-B/L/H) oder MobileSAM-Gewichte für das Segmentierwerkzeug wählen; models/README.md sagt, wo es sie gibt</translation>
    </message>
    <message>
        <location filename="../src/gui/main_window_segment.cpp" line="96"/>
        <source>Use the GrabCut Fallback</source>
        <translation>GrabCut-Ersatz verwenden</translation>
    </message>
</context>
<context>
    <name>atelier::gui::MaskLayerDock</name>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="25"/>
        <source>Mask Layers</source>
        <translation>Maskenebenen</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="41"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="42"/>
        <source>Add a clear mask layer above the others</source>
        <translation>Eine leere Maskenebene über den anderen hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="44"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="45"/>
        <source>Delete the selected mask layer (the last one stays)</source>
        <translation>Die gewählte Maskenebene löschen (die letzte bleibt)</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="47"/>
        <source>Colour…</source>
        <translation>Farbe …</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="48"/>
        <source>Choose the selected layer&apos;s overlay colour</source>
        <translation>Die Überlagerungsfarbe der gewählten Ebene wählen</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="51"/>
        <source>Overlay opacity of the selected layer</source>
        <translation>Deckkraft der Überlagerung der gewählten Ebene</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="61"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="133"/>
        <source>The last mask layer stays.</source>
        <translation>Die letzte Maskenebene bleibt.</translation>
    </message>
    <message>
        <location filename="../src/gui/mask_layer_dock.cpp" line="143"/>
        <source>Mask Colour</source>
        <translation>Maskenfarbe</translation>
    </message>
</context>
<context>
    <name>atelier::gui::OutpaintFrameDialog</name>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="17"/>
        <source>Outpaint Frame</source>
        <translation>Outpaint-Rahmen</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="23"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="29"/>
        <source>&amp;Left:</source>
        <translation>&amp;Links:</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="30"/>
        <source>&amp;Top:</source>
        <translation>&amp;Oben:</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="31"/>
        <source>&amp;Right:</source>
        <translation>&amp;Rechts:</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="32"/>
        <source>&amp;Bottom:</source>
        <translation>&amp;Unten:</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="39"/>
        <source>Pixels to add on each side; the new area is generated by the next outpaint.</source>
        <translation>Pixel, die an jeder Seite hinzukommen; der neue Bereich wird beim nächsten Outpaint erzeugt.</translation>
    </message>
    <message>
        <location filename="../src/gui/outpaint_frame_dialog.cpp" line="60"/>
        <source>Canvas: %1 x %2 px</source>
        <translation>Leinwand: %1 × %2 px</translation>
    </message>
</context>
<context>
    <name>atelier::gui::ReferenceDock</name>
    <message>
        <location filename="../src/gui/reference_dock.cpp" line="16"/>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <location filename="../src/gui/reference_dock.cpp" line="26"/>
        <source>Drop image files here to keep them beside the document as references</source>
        <translation>Bilddateien hier ablegen, um sie als Referenzen neben dem Dokument zu behalten</translation>
    </message>
    <message>
        <location filename="../src/gui/reference_dock.cpp" line="70"/>
        <source>%1 (%2x%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
</context>
<context>
    <name>atelier::gui::VariationsDock</name>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="16"/>
        <source>Variations</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="38"/>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="40"/>
        <source>Put the selected variation into the image (undoable)</source>
        <translation>Die gewählte Variante ins Bild übernehmen (rückgängig machbar)</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="41"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="43"/>
        <source>Save the selected variation as a PNG file</source>
        <translation>Die gewählte Variante als PNG-Datei speichern</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="44"/>
        <location filename="../src/gui/variations_dock.cpp" line="148"/>
        <source>★ A&amp;pprove</source>
        <translation>★ A&amp;nnehmen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="46"/>
        <source>Star the selected variation (press again to unstar); File ▸ Export Approved exports all starred ones</source>
        <translation>Die gewählte Variante mit Stern versehen (erneut drücken entfernt ihn); Datei ▸ Angenommene exportieren exportiert alle mit Stern</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="47"/>
        <location filename="../src/gui/variations_dock.cpp" line="149"/>
        <source>✕ &amp;Reject</source>
        <translation>✕ &amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="49"/>
        <source>Set the selected variation aside (press again to undo)</source>
        <translation>Die gewählte Variante beiseitelegen (erneut drücken macht es rückgängig)</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="56"/>
        <source>Re-&amp;run</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="58"/>
        <source>Repeat the selected variation&apos;s recipe exactly (same seed, settings and model)</source>
        <translation>Das Rezept der gewählten Variante genau wiederholen (gleicher Seed, gleiche Einstellungen und gleiches Modell)</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="59"/>
        <source>&amp;More like this</source>
        <translation>&amp;Mehr davon</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="61"/>
        <source>New variations close to the selected one (image to image from it, same seed and recipe)</source>
        <translation>Neue Varianten nahe der gewählten (Bild zu Bild daraus, gleicher Seed und gleiches Rezept)</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="64"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="67"/>
        <source>Split the canvas: the image before on the left, the selected variation on the right (drag the divider)</source>
        <translation>Die Leinwand teilen: links das Bild vorher, rechts die gewählte Variante (Trenner ziehen)</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="68"/>
        <source>&amp;Before</source>
        <translation>V&amp;orher</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="71"/>
        <source>Show the image before the selected variation; press again (or \ on the canvas) for after</source>
        <translation>Das Bild vor der gewählten Variante zeigen; erneut drücken (oder \ auf der Leinwand) für nachher</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="148"/>
        <source>★ Unstar</source>
        <translation>★ Stern entfernen</translation>
    </message>
    <message>
        <location filename="../src/gui/variations_dock.cpp" line="149"/>
        <source>✕ Unreject</source>
        <translation>✕ Nicht mehr verwerfen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/gui/main.cpp" line="32"/>
        <source>Native desktop studio for AI image editing</source>
        <translation>Natives Desktop-Studio für KI-Bildbearbeitung</translation>
    </message>
    <message>
        <location filename="../src/gui/main.cpp" line="36"/>
        <source>Image or .atelier project file to open.</source>
        <translation>Zu öffnendes Bild oder .atelier-Projektdatei.</translation>
    </message>
</context>
</TS>
