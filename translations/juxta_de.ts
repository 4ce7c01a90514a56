<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartKit</name>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>fixed text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (+%n fallback(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regex · every match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regex · first match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON pointer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches /%1/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first input not skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a result of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished">Modell</translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run variable, fixed text or a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks a model, with fallbacks; maps over a list given to items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text with {{name}} filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regex, JSON pointer, JSON check, split, join or a script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends its input to then or else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes on the first input that was not skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::AddNodePopup</name>
    <message>
        <source>Add a node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search node kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node kinds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::BudgetDialog</name>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
</context>
<context>
    <name>juxta::ChatPage</name>
    <message>
        <source>Could not save to the history: %1</source>
        <translation>Speichern im Verlauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1.

Until this is resolved, conversations are kept in memory only and are lost when Juxta closes.</source>
        <translation>%1.

Bis das behoben ist, werden Unterhaltungen nur im Arbeitsspeicher gehalten und gehen beim Beenden von Juxta verloren.</translation>
    </message>
    <message>
        <source>Pick a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending makes a new version and keeps the original. Esc cancels.</source>
        <translation>Sie bearbeiten eine frühere Nachricht: Beim Senden entsteht eine neue Version, das Original bleibt erhalten. Esc bricht ab.</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>Unterhaltung gelöscht.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>„%1“ importiert.</translation>
    </message>
    <message>
        <source>Imported with warnings: %1</source>
        <translation>Mit Warnungen importiert: %1</translation>
    </message>
    <message>
        <source>This conversation: %1</source>
        <translation>Diese Unterhaltung: %1</translation>
    </message>
    <message>
        <source>Next send: ≈ %1 tokens in</source>
        <translation>Nächste Anfrage: ≈ %1 Eingabe-Tokens</translation>
    </message>
    <message>
        <source> (over the model&apos;s %1-token context)</source>
        <translation> (überschreitet den Kontext des Modells von %1 Tokens)</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished">Unterhaltung</translation>
    </message>
    <message>
        <source>Juxta conversation — lossless JSON, every branch, re-importable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation as Markdown — the shown branch, re-importable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ChatSettingsPanel</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Unterhaltungseinstellungen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Optional instructions for every answer</source>
        <translation>Optionale Anweisungen für jede Antwort</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Top &amp;p</source>
        <translation>Top &amp;p</translation>
    </message>
    <message>
        <source>Maximum output tokens</source>
        <translation>Maximale Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>&amp;Max tokens</source>
        <translation>&amp;Max. Tokens</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>S&amp;eed</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Reasoning-Aufwand</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>For reasoning models: OpenAI&apos;s reasoning effort, Anthropic&apos;s and Gemini&apos;s thinking budget</source>
        <translation>Für Reasoning-Modelle: Reasoning-Aufwand bei OpenAI, Thinking-Budget bei Anthropic und Gemini</translation>
    </message>
    <message>
        <source>&amp;Reasoning</source>
        <translation>&amp;Reasoning</translation>
    </message>
    <message>
        <source>Fallback models, tried in order</source>
        <translation>Ausweichmodelle, der Reihe nach versucht</translation>
    </message>
    <message>
        <source>Fallback models</source>
        <translation>Ausweichmodelle</translation>
    </message>
    <message>
        <source>Add fallback…</source>
        <translation>Ausweichmodell hinzufügen…</translation>
    </message>
    <message>
        <source>Add a fallback model</source>
        <translation>Ein Ausweichmodell hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>This model does not reason, according to the model catalog</source>
        <translation>Laut Modellkatalog denkt dieses Modell nicht schrittweise nach</translation>
    </message>
</context>
<context>
    <name>juxta::CodeBlockView</name>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy this code block to the clipboard</source>
        <translation>Diesen Codeblock in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>%1 code block</source>
        <translation>%1-Codeblock</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::CompareBoard</name>
    <message>
        <source>Answers side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::CompareColumn</name>
    <message>
        <source>Move left</source>
        <translation>Nach links verschieben</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Nach rechts verschieben</translation>
    </message>
    <message>
        <source>Hide this column</source>
        <translation>Diese Spalte ausblenden</translation>
    </message>
    <message>
        <source>Stop this column</source>
        <translation>Diese Spalte stoppen</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Good answer (a rating; shown in the history charts)</source>
        <translation>Gute Antwort (eine Bewertung; erscheint in den Verlaufsdiagrammen)</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Poor answer (a rating; shown in the history charts)</source>
        <translation>Schlechte Antwort (eine Bewertung; erscheint in den Verlaufsdiagrammen)</translation>
    </message>
    <message>
        <source>★ Best</source>
        <translation>★ Beste</translation>
    </message>
    <message>
        <source>This answer is the best (a vote for the leaderboard)</source>
        <translation>Diese Antwort ist die beste (eine Stimme für die Rangliste)</translation>
    </message>
    <message>
        <source>Continue as chat</source>
        <translation>Als Chat fortsetzen</translation>
    </message>
    <message>
        <source>Carry on with this answer as a normal chat</source>
        <translation>Mit dieser Antwort als normaler Chat weitermachen</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>wird gestreamt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>⚡ fastest</source>
        <translation>⚡ am schnellsten</translation>
    </message>
    <message>
        <source>$ cheapest</source>
        <translation>$ am günstigsten</translation>
    </message>
    <message>
        <source>¶ longest</source>
        <translation>¶ am längsten</translation>
    </message>
    <message>
        <source>Move %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate the answer from %1 good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate the answer from %1 poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote the answer from %1 best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with %1 as a chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::CompareLane</name>
    <message>
        <source>Waiting for the first token…</source>
        <translation>Warten auf das erste Token…</translation>
    </message>
    <message>
        <source>Stopped before it was sent.</source>
        <translation>Vor dem Senden gestoppt.</translation>
    </message>
    <message>
        <source>Waiting for the first token… %1</source>
        <translation>Warten auf das erste Token… %1</translation>
    </message>
    <message>
        <source>≈ %1 tok/s</source>
        <translation>≈ %1 tok/s</translation>
    </message>
    <message>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>≈ %1 tokens</source>
        <translation>≈ %1 Tokens</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>(retry %1)</source>
        <translation>(Wiederholung %1)</translation>
    </message>
    <message>
        <source>%1; trying again in %2</source>
        <translation>%1; neuer Versuch in %2</translation>
    </message>
    <message>
        <source>Failed; trying again in %1</source>
        <translation>Fehlgeschlagen; neuer Versuch in %1</translation>
    </message>
</context>
<context>
    <name>juxta::ComparePage</name>
    <message>
        <source>Hidden columns</source>
        <translation>Ausgeblendete Spalten</translation>
    </message>
    <message>
        <source>Show a column you hid</source>
        <translation>Eine ausgeblendete Spalte wieder anzeigen</translation>
    </message>
    <message>
        <source>One prompt for every model. Ctrl+Enter sends; after the answers, the next message continues every column.</source>
        <translation>Ein Prompt für alle Modelle. Strg+Enter sendet; nach den Antworten setzt die nächste Nachricht jede Spalte fort.</translation>
    </message>
    <message>
        <source>Stop all</source>
        <translation>Alle stoppen</translation>
    </message>
    <message>
        <source>Stop every column (what arrived is kept)</source>
        <translation>Alle Spalten stoppen (bereits Empfangenes bleibt erhalten)</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>The answers are equally good (a vote for the leaderboard)</source>
        <translation>Die Antworten sind gleich gut (eine Stimme für die Rangliste)</translation>
    </message>
    <message>
        <source>Diff…</source>
        <translation>Diff…</translation>
    </message>
    <message>
        <source>Compare two answers word by word</source>
        <translation>Zwei Antworten Wort für Wort vergleichen</translation>
    </message>
    <message>
        <source>Leaderboard…</source>
        <translation>Rangliste…</translation>
    </message>
    <message>
        <source>Your ratings of models from your votes</source>
        <translation>Ihre Modellbewertungen aus Ihren Stimmen</translation>
    </message>
    <message>
        <source>History charts…</source>
        <translation>Verlaufsdiagramme…</translation>
    </message>
    <message>
        <source>Latency and price of every model across your history</source>
        <translation>Latenz und Preis aller Modelle über Ihren gesamten Verlauf</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>The same models and first prompt, as a new comparison</source>
        <translation>Dieselben Modelle und derselbe erste Prompt als neuer Vergleich</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Show or hide the charts of this run</source>
        <translation>Diagramme dieses Durchlaufs ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System prompt and parameters shared by every column</source>
        <translation>System-Prompt und Parameter, die für alle Spalten gelten</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>Blind mode: the name shows after you vote</source>
        <translation>Blindmodus: Der Name wird nach Ihrer Stimmabgabe angezeigt</translation>
    </message>
    <message>
        <source>Add at least two models to compare (“+ Add model”).</source>
        <translation>Fügen Sie mindestens zwei Modelle zum Vergleichen hinzu („+ Modell hinzufügen“).</translation>
    </message>
    <message>
        <source>model not available</source>
        <translation>Modell nicht verfügbar</translation>
    </message>
    <message>
        <source>next send: ≈ %1 tokens in, price unknown</source>
        <translation>Nächste Anfrage: ≈ %1 Eingabe-Tokens, Preis unbekannt</translation>
    </message>
    <message>
        <source>next send: %1–%2</source>
        <translation>Nächste Anfrage: %1–%2</translation>
    </message>
    <message>
        <source>next send: from %1</source>
        <translation>Nächste Anfrage: ab %1</translation>
    </message>
    <message>
        <source> (× %1 runs)</source>
        <translation> (× %1 Durchläufe)</translation>
    </message>
    <message>
        <source>Next send, all columns: price unknown for some models</source>
        <translation>Nächste Anfrage, alle Spalten: Preis für einige Modelle unbekannt</translation>
    </message>
    <message>
        <source>Next send, all columns: %1–%2</source>
        <translation>Nächste Anfrage, alle Spalten: %1–%2</translation>
    </message>
    <message>
        <source>Next send, all columns: from %1</source>
        <translation>Nächste Anfrage, alle Spalten: ab %1</translation>
    </message>
    <message>
        <source>  ·  budget %1 per send</source>
        <translation>  ·  Budget %1 pro Anfrage</translation>
    </message>
    <message>
        <source>  ·  continues this comparison</source>
        <translation>  ·  setzt diesen Vergleich fort</translation>
    </message>
    <message>
        <source>Add 2 to 8 models to compare.</source>
        <translation>Fügen Sie 2 bis 8 Modelle zum Vergleichen hinzu.</translation>
    </message>
    <message>
        <source>That comparison could not be read.</source>
        <translation>Dieser Vergleich konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Hidden columns (%1)</source>
        <translation>Ausgeblendete Spalten (%1)</translation>
    </message>
    <message>
        <source>Vote saved: %1 was best.</source>
        <translation>Stimme gespeichert: %1 war am besten.</translation>
    </message>
    <message>
        <source>Vote saved: a tie.</source>
        <translation>Stimme gespeichert: unentschieden.</translation>
    </message>
    <message>
        <source>A diff needs two answers.</source>
        <translation>Für einen Diff werden zwei Antworten benötigt.</translation>
    </message>
    <message>
        <source>Models across your history</source>
        <translation>Modelle über Ihren gesamten Verlauf</translation>
    </message>
    <message>
        <source>%1 · offline</source>
        <translation>%1 · offline</translation>
    </message>
    <message>
        <source>All columns together</source>
        <translation>Alle Spalten zusammen</translation>
    </message>
    <message>
        <source>Save this comparison as a report (HTML, Markdown, CSV, JSON) or as lossless JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet: run the comparison first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison data — lossless JSON, every column&apos;s conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::CompareSetupBar</name>
    <message>
        <source>at once</source>
        <translation>gleichzeitig</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Scroll together</source>
        <translation>Gemeinsam scrollen</translation>
    </message>
    <message>
        <source>+ Add model</source>
        <translation>+ Modell hinzufügen</translation>
    </message>
    <message>
        <source>Add a column (2 to 8 models; the same model twice with different settings is fine)</source>
        <translation>Eine Spalte hinzufügen (2 bis 8 Modelle; dasselbe Modell zweimal mit unterschiedlichen Einstellungen ist möglich)</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sets</translation>
    </message>
    <message>
        <source>Save these models as a set, or load a saved set</source>
        <translation>Diese Modelle als Set speichern oder ein gespeichertes Set laden</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Runs per model, for latency statistics (median, p95, spread)</source>
        <translation>Durchläufe pro Modell, für Latenzstatistiken (Median, p95, Spanne)</translation>
    </message>
    <message>
        <source>Runs per model</source>
        <translation>Durchläufe pro Modell</translation>
    </message>
    <message>
        <source>Send a model&apos;s repeated runs at the same time instead of one after another</source>
        <translation>Die wiederholten Durchläufe eines Modells gleichzeitig statt nacheinander senden</translation>
    </message>
    <message>
        <source>Hide and shuffle the model names until you vote for the best answer</source>
        <translation>Modellnamen verbergen und mischen, bis Sie für die beste Antwort stimmen</translation>
    </message>
    <message>
        <source>Scroll all columns together</source>
        <translation>Alle Spalten gemeinsam scrollen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Settings, duplicate or remove this column</source>
        <translation>Diese Spalte einstellen, duplizieren oder entfernen</translation>
    </message>
    <message>
        <source>Settings for this column…</source>
        <translation>Einstellungen für diese Spalte…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Settings for %1</source>
        <translation>Einstellungen für %1</translation>
    </message>
    <message>
        <source>Values set here replace the shared settings for this column only. Leave a field empty to use the shared value.</source>
        <translation>Hier gesetzte Werte ersetzen die gemeinsamen Einstellungen nur für diese Spalte. Lassen Sie ein Feld leer, um den gemeinsamen Wert zu verwenden.</translation>
    </message>
    <message>
        <source>Save these models as a set…</source>
        <translation>Diese Modelle als Set speichern…</translation>
    </message>
    <message>
        <source>Save model set</source>
        <translation>Modellset speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Delete a set</source>
        <translation>Ein Set löschen</translation>
    </message>
    <message>
        <source>%1 · offline</source>
        <translation>%1 · offline</translation>
    </message>
</context>
<context>
    <name>juxta::ComparisonList</name>
    <message>
        <source>New comparison</source>
        <translation>Neuer Vergleich</translation>
    </message>
    <message>
        <source>Search comparisons</source>
        <translation>Vergleiche durchsuchen</translation>
    </message>
    <message>
        <source>Saved comparisons</source>
        <translation>Gespeicherte Vergleiche</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Untitled comparison</source>
        <translation>Unbenannter Vergleich</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s): %1</source>
        <translation>
            <numerusform>%n Modell: %1</numerusform>
            <numerusform>%n Modelle: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>juxta::Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Message the model…  (Ctrl+Enter to send, Esc to stop, ↑ to edit your last message)</source>
        <translation>Nachricht an das Modell…  (Strg+Enter zum Senden, Esc zum Stoppen, ↑ zum Bearbeiten Ihrer letzten Nachricht)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort stoppen (Esc)</translation>
    </message>
</context>
<context>
    <name>juxta::ConnectDialog</name>
    <message>
        <source>Connect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections %1 can make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no connection to make that a port would take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections that %1 can make:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ConversationSidebar</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Last active %1</source>
        <translation>Zuletzt aktiv: %1</translation>
    </message>
    <message>
        <source>Spent %1</source>
        <translation>Ausgegeben: %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished">Exportieren…</translation>
    </message>
</context>
<context>
    <name>juxta::DetectedServersBanner</name>
    <message>
        <source>Servers found on this machine</source>
        <translation>Auf diesem Rechner gefundene Server</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is running on %2 with %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; läuft auf %2 mit %3.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>juxta::DiffDialog</name>
    <message>
        <source>Compare two answers word by word</source>
        <translation>Zwei Antworten Wort für Wort vergleichen</translation>
    </message>
    <message>
        <source>First answer</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Second answer</source>
        <translation>Zweite Antwort</translation>
    </message>
    <message>
        <source>against</source>
        <translation>gegen</translation>
    </message>
    <message>
        <source>The answers differ too much for an exact diff: the differing middle is shown whole.</source>
        <translation>Die Antworten unterscheiden sich zu stark für einen exakten Diff: Der abweichende Mittelteil wird vollständig angezeigt.</translation>
    </message>
    <message>
        <source>The two answers, word by word</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only in the first (struck through): %n piece(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only in the second (underlined): %n piece(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>juxta::ExportDialog</name>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reasoning, where a model sent it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt settings and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Word diff of the first two answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report — one file, opens in any browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown report — for pull requests and wikis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV — one row per answer, for spreadsheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON report — every figure, for tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures and the verdict are always in. A report never contains a key or a header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (and %n chart file(s) beside it).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a file to save to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::HistoryCharts</name>
    <message>
        <source>Latency by model (all requests)</source>
        <translation>Latenz nach Modell (alle Anfragen)</translation>
    </message>
    <message>
        <source>total time (s)</source>
        <translation>Gesamtzeit (s)</translation>
    </message>
    <message>
        <source>Cost per 1,000 output tokens</source>
        <translation>Kosten pro 1.000 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>USD per 1k output tokens</source>
        <translation>USD pro 1.000 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost against latency</source>
        <translation>Kosten im Verhältnis zur Latenz</translation>
    </message>
    <message>
        <source>cost per request (USD)</source>
        <translation>Kosten pro Anfrage (USD)</translation>
    </message>
    <message>
        <source>quartiles, min–max</source>
        <translation>Quartile, Min.–Max.</translation>
    </message>
    <message>
        <source>rated good</source>
        <translation>gut bewertet</translation>
    </message>
    <message>
        <source>rated poor</source>
        <translation>schlecht bewertet</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>%1
%2 s, %3</source>
        <translation>%1
%2 s, %3</translation>
    </message>
    <message>
        <source>%1
%2 per 1k output tokens</source>
        <translation>%1
%2 pro 1.000 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>%1
price unknown</source>
        <translation>%1
Preis unbekannt</translation>
    </message>
    <message>
        <source>each request</source>
        <translation>jede Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>(%n request(s))</source>
        <translation>
            <numerusform>(%n Anfrage)</numerusform>
            <numerusform>(%n Anfragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>median %1 s, p95 %2 s
min %3 s, max %4 s</source>
        <translation>Median %1 s, p95 %2 s
Min. %3 s, Max. %4 s</translation>
    </message>
</context>
<context>
    <name>juxta::LeaderboardDialog</name>
    <message>
        <source>Your leaderboard</source>
        <translation>Ihre Rangliste</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Elo</source>
        <translation>Elo</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Siegquote</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Siege</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Niederlagen</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>No votes yet. Choose “★ Best” in a comparison to vote; blind mode keeps it fair.</source>
        <translation>Noch keine Stimmen. Wählen Sie in einem Vergleich „★ Beste“, um abzustimmen; der Blindmodus sorgt für Fairness.</translation>
    </message>
    <message>
        <source>From your votes in comparisons: the best answer wins against every other answer of that run. Few votes mean an unsettled rating.</source>
        <translation>Aus Ihren Stimmen in Vergleichen: Die beste Antwort gewinnt gegen jede andere Antwort dieses Durchlaufs. Wenige Stimmen bedeuten eine noch unsichere Wertung.</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::MainWindow</name>
    <message>
        <source>Juxta</source>
        <translation>Juxta</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Juxta</source>
        <translation>&amp;Über Juxta</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Juxta</source>
        <translation>Über Juxta</translation>
    </message>
    <message>
        <source>Configuration not loaded</source>
        <translation>Konfiguration nicht geladen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>&amp;Anbieter…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Start with an empty configuration</source>
        <translation>Mit leerer Konfiguration beginnen</translation>
    </message>
    <message>
        <source>Refreshing the model lists…</source>
        <translation>Modelllisten werden aktualisiert …</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Nothing to export yet: this conversation has no messages.</source>
        <translation>Noch nichts zu exportieren: Diese Unterhaltung enthält keine Nachrichten.</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>Unterhaltung importieren</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>&amp;Import conversation…</source>
        <translation>Unterhaltung &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Conversation &amp;settings panel</source>
        <translation>&amp;Einstellungsbereich der Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Rename conversation</source>
        <translation>Unterhaltung &amp;umbenennen</translation>
    </message>
    <message>
        <source>Focus the &amp;message box</source>
        <translation>&amp;Nachrichtenfeld fokussieren</translation>
    </message>
    <message>
        <source>Conversations (*.json *.md *.markdown)</source>
        <translation>Unterhaltungen (*.json *.md *.markdown)</translation>
    </message>
    <message>
        <source>New &amp;comparison</source>
        <translation>Neuer &amp;Vergleich</translation>
    </message>
    <message>
        <source>Chat with one model (Ctrl+1)</source>
        <translation>Mit einem Modell chatten (Strg+1)</translation>
    </message>
    <message>
        <source>One prompt to several models side by side (Ctrl+2)</source>
        <translation>Ein Prompt an mehrere Modelle, nebeneinander (Strg+2)</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>&amp;Willkommensseite</translation>
    </message>
    <message>
        <source>Ready: %1.</source>
        <translation>Bereit: %1.</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>Added %1 with %2.</source>
        <translation>%1 mit %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>Offline demo: the answers come from Juxta&apos;s demo script; nothing leaves this machine and nothing is charged.</source>
        <translation>Offline-Demo: Die Antworten stammen aus Juxtas Demo-Skript; nichts verlässt diesen Rechner und nichts wird berechnet.</translation>
    </message>
    <message>
        <source>%1 — Juxta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searc&amp;h conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe&amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain models in a visual pipeline and watch them run (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juxta %1

Pick any model from any provider, compare answers side by side, and chain models into pipelines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::MessageWidget</name>
    <message>
        <source>streaming…</source>
        <translation>wird gestreamt…</translation>
    </message>
    <message>
        <source>incomplete: interrupted</source>
        <translation>unvollständig: unterbrochen</translation>
    </message>
    <message>
        <source>incomplete: stopped</source>
        <translation>unvollständig: gestoppt</translation>
    </message>
    <message>
        <source>incomplete: failed</source>
        <translation>unvollständig: fehlgeschlagen</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Ihre Nachricht</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this message as Markdown</source>
        <translation>Diese Nachricht als Markdown kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit and resend (keeps the original as a version)</source>
        <translation>Bearbeiten und erneut senden (das Original bleibt als Version erhalten)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>Ask for this answer again</source>
        <translation>Diese Antwort erneut anfordern</translation>
    </message>
    <message>
        <source>▸ Thinking</source>
        <translation>▸ Denkprozess</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>Denkprozess des Modells ein- oder ausblenden</translation>
    </message>
    <message>
        <source>▾ Thinking</source>
        <translation>▾ Denkprozess</translation>
    </message>
    <message>
        <source>tool call: %1</source>
        <translation>Tool-Aufruf: %1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>Die Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Stopped. The text above is what arrived.</source>
        <translation>Gestoppt. Oben steht der bis dahin empfangene Text.</translation>
    </message>
    <message>
        <source>Interrupted: Juxta stopped while this answer was streaming. The text above is what was saved.</source>
        <translation>Unterbrochen: Juxta wurde beendet, während diese Antwort gestreamt wurde. Oben steht der gespeicherte Text.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Ask the same model again</source>
        <translation>Dasselbe Modell erneut fragen</translation>
    </message>
    <message>
        <source>Try another model…</source>
        <translation>Anderes Modell versuchen…</translation>
    </message>
    <message>
        <source>Pick another model for this answer</source>
        <translation>Ein anderes Modell für diese Antwort wählen</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Zuvor: %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous version of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next version of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the reasoning of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another model for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, passage %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code block %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: %1.</source>
        <translation type="unfinished">Zuvor: %1.</translation>
    </message>
</context>
<context>
    <name>juxta::ModelListModel</name>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>%1M context</source>
        <translation>%1M Kontext</translation>
    </message>
    <message>
        <source>%1k context</source>
        <translation>%1k Kontext</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>No models known yet</source>
        <translation>Noch keine Modelle bekannt</translation>
    </message>
    <message>
        <source>Use a model by name</source>
        <translation>Modell über seinen Namen verwenden</translation>
    </message>
    <message>
        <source>Open Providers… to test the connection and list its models</source>
        <translation>Öffnen Sie „Anbieter…“, um die Verbindung zu testen und die Modelle aufzulisten</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>Context window: %L1 tokens</source>
        <translation>Kontextfenster: %L1 Tokens</translation>
    </message>
    <message>
        <source>Max output: %L1 tokens</source>
        <translation>Max. Ausgabe: %L1 Tokens</translation>
    </message>
    <message>
        <source>Input %1, output %2 per 1M tokens</source>
        <translation>Eingabe %1, Ausgabe %2 pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Cached input %1 per 1M</source>
        <translation>Gecachte Eingabe %1 pro 1 Mio.</translation>
    </message>
    <message>
        <source>Higher prices above %L1 input tokens</source>
        <translation>Höhere Preise über %L1 Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Price source: %1%2</source>
        <translation>Preisquelle: %1%2</translation>
    </message>
    <message>
        <source>Price unknown: costs are not computed for this model</source>
        <translation>Preis unbekannt: Für dieses Modell werden keine Kosten ermittelt</translation>
    </message>
    <message>
        <source>$0 · offline</source>
        <translation>$0 · offline</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>juxta::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Choose the model (Ctrl+M)</source>
        <translation>Modell wählen (Strg+M)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>Modell wählen…</translation>
    </message>
</context>
<context>
    <name>juxta::ModelPickerPopup</name>
    <message>
        <source>Model picker</source>
        <translation>Modellauswahl</translation>
    </message>
    <message>
        <source>Search models — e.g. “sonnet”, “vision”, “free”, or profile/model-id</source>
        <translation>Modelle suchen – z. B. „sonnet“, „vision“, „free“ oder profile/model-id</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>↑↓ move · Enter choose · click ☆ to keep a model on top · Ctrl+R refresh · Esc close</source>
        <translation>↑↓ bewegen · Enter auswählen · ☆ anklicken, um ein Modell oben anzuheften · Strg+R aktualisieren · Esc schließen</translation>
    </message>
    <message>
        <source>Refresh lists</source>
        <translation>Listen aktualisieren</translation>
    </message>
    <message>
        <source>Ask every provider for its current models and prices (Ctrl+R)</source>
        <translation>Alle Anbieter nach ihren aktuellen Modellen und Preisen fragen (Strg+R)</translation>
    </message>
</context>
<context>
    <name>juxta::NodeInspector</name>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other nodes refer to this one as {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished">&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished">&amp;Datei</translation>
    </message>
    <message>
        <source>relative to the pipeline&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished">Modell</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON matching a schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;chema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items at &amp;once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished">Skript</translation>
    </message>
    <message>
        <source>&amp;Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every one, as a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tokens per piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;variables — {{name}} in any prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served by %1</source>
        <translation type="unfinished">beantwortet von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>juxta::NodePalette</name>
    <message>
        <source>Node palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a kind onto the canvas, or press Enter to add it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::OutlinePanel</name>
    <message>
        <source>Pipeline outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes, edges and problems; Enter selects one on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::PipelineEditor</name>
    <message>
        <source>Add %1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnect %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard does not hold pipeline nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paste %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>juxta::PipelinePage</name>
    <message>
        <source>Open &amp;recent pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open e&amp;xample pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pi&amp;peline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open pipeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pipeline &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every edit of this pipeline; choose one to go back to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;empty pipeline&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the pipeline (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run from &amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected node and what follows it; the rest comes from the last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a node (Space on the canvas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the selected node (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;more output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the insp&amp;ector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the ca&amp;nvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arran&amp;ge automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sna&amp;p to grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nodes — drag onto the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one node to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines (*.juxta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines (*.juxta);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the example: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model nodes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the node to run from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The pipeline has %n problem(s); they are listed in the outline.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 from %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 in %3, cost %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::PipelineView</name>
    <message>
        <source>Pipeline canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move the selected nodes; Space adds a node; Delete removes the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a node from the palette, or press Space here to add one.
Connect an output port (right) to an input port (left).
File ▸ Open example pipeline has ready-made chains.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ProfileEditor</name>
    <message>
        <source>Send my key and prompts over plain http:// to this host anyway</source>
        <translation>Schlüssel und Prompts trotzdem unverschlüsselt über http:// an diesen Host senden</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Profile id</source>
        <translation>Profil-ID</translation>
    </message>
    <message>
        <source>Starts model references such as openai/gpt-4o: lower-case letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</source>
        <translation>Steht am Anfang von Modellreferenzen wie openai/gpt-4o: Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;</translation>
    </message>
    <message>
        <source>API style</source>
        <translation>API-Stil</translation>
    </message>
    <message>
        <source>OpenAI-compatible chat completions</source>
        <translation>OpenAI-kompatible Chat Completions</translation>
    </message>
    <message>
        <source>Anthropic Messages</source>
        <translation>Anthropic Messages</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>Ollama native</source>
        <translation>Ollama nativ</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Bearer token (Authorization header)</source>
        <translation>Bearer-Token (Authorization-Header)</translation>
    </message>
    <message>
        <source>Key in a named header</source>
        <translation>Schlüssel in einem benannten Header</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Key header name</source>
        <translation>Name des Schlüssel-Headers</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (optional)</source>
        <translation>z. B. OPENAI_API_KEY (optional)</translation>
    </message>
    <message>
        <source>Key environment variable</source>
        <translation>Umgebungsvariable für den Schlüssel</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Zusätzliche Header</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <source>&amp;API style</source>
        <translation>API-S&amp;til</translation>
    </message>
    <message>
        <source>&amp;Base URL</source>
        <translation>&amp;Basis-URL</translation>
    </message>
    <message>
        <source>A&amp;uthentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <source>Key &amp;header</source>
        <translation>Schlüssel-&amp;Header</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Key from &amp;environment</source>
        <translation>Schlüssel aus &amp;Umgebungsvariable</translation>
    </message>
    <message>
        <source>Made from the %1 preset. %2</source>
        <translation>Aus der Vorlage %1 erstellt. %2</translation>
    </message>
    <message>
        <source>Custom profile</source>
        <translation>Eigenes Profil</translation>
    </message>
    <message>
        <source>The id of a saved profile stays fixed; duplicate the profile to get another.</source>
        <translation>Die ID eines gespeicherten Profils ist fest; duplizieren Sie das Profil, um eine andere zu erhalten.</translation>
    </message>
    <message>
        <source>Plain http:// to a public host: anyone on the way can read your key and prompts.</source>
        <translation>Unverschlüsseltes http:// zu einem öffentlichen Host: Jeder auf dem Übertragungsweg kann Ihren Schlüssel und Ihre Prompts mitlesen.</translation>
    </message>
    <message>
        <source>Plain http:// is fine here: %1 is on this machine or your private network.</source>
        <translation>Unverschlüsseltes http:// ist hier in Ordnung: %1 liegt auf diesem Rechner oder in Ihrem privaten Netzwerk.</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation>Der gespeicherte Schlüssel wird beim Speichern entfernt.</translation>
    </message>
    <message>
        <source>Using the key from the %1; a key saved here is used when it is not set.</source>
        <translation>Schlüsselquelle: %1 – ein hier gespeicherter Schlüssel wird nur verwendet, wenn dort keiner gesetzt ist.</translation>
    </message>
    <message>
        <source>Checking the %1…</source>
        <translation>Schlüsselspeicher wird geprüft (%1)…</translation>
    </message>
    <message>
        <source>A key is stored in the %1. Type a new one to replace it.</source>
        <translation>Ein Schlüssel ist im Schlüsselspeicher hinterlegt (%1). Geben Sie einen neuen ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>(stored)</source>
        <translation>(gespeichert)</translation>
    </message>
    <message>
        <source>No key stored yet. It will be kept in the %1, never in a file.</source>
        <translation>Noch kein Schlüssel gespeichert. Er wird im Schlüsselspeicher abgelegt (%1), niemals in einer Datei.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: 1 model available.</source>
        <translation>Verbunden: 1 Modell verfügbar.</translation>
    </message>
    <message>
        <source>Connected: %1 models available.</source>
        <translation>Verbunden: %1 Modelle verfügbar.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Batch &amp;limits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ProvidersDialog</name>
    <message>
        <source>Cloud providers</source>
        <translation>Cloud-Anbieter</translation>
    </message>
    <message>
        <source>Routers and gateways</source>
        <translation>Router und Gateways</translation>
    </message>
    <message>
        <source>Servers on your machine</source>
        <translation>Server auf Ihrem Rechner</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a provider from a preset</source>
        <translation>Anbieter aus einer Vorlage hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <source>Import profiles…</source>
        <translation>Profile importieren…</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export profiles (without keys)…</source>
        <translation>Profile exportieren (ohne Schlüssel)…</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>Profile exportieren</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Removed %1. Cancel to undo.</source>
        <translation>%1 entfernt. Mit „Abbrechen“ rückgängig machen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>Nichts importiert: %1</translation>
    </message>
    <message>
        <source>Imported 1 profile.</source>
        <translation>1 Profil importiert.</translation>
    </message>
    <message>
        <source>Imported %1 profiles.</source>
        <translation>%1 Profile importiert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported 1 profile, without keys.</source>
        <translation>1 Profil exportiert, ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Exported %1 profiles, without keys.</source>
        <translation>%1 Profile exportiert, ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Another profile already has the id “%1”.</source>
        <translation>Ein anderes Profil hat bereits die ID „%1“.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Still saving the keys of the last save.</source>
        <translation>Die Schlüssel der letzten Speicherung werden noch gesichert.</translation>
    </message>
    <message>
        <source>Saving the keys…</source>
        <translation>Schlüssel werden gespeichert …</translation>
    </message>
    <message>
        <source>Profile settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headers of %1 were not stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::RequestLimitsRow</name>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests a batch sends to this provider at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests a batch starts in any 60 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input and output tokens a batch may use in any 60 seconds: counted from the prompt&apos;s estimate plus the maximum answer, corrected by the real usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens per minute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::RunCharts</name>
    <message>
        <source>Latency per model</source>
        <translation>Latenz pro Modell</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Cost per model</source>
        <translation>Kosten pro Modell</translation>
    </message>
    <message>
        <source>cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Tokens received over time</source>
        <translation>Empfangene Tokens im Zeitverlauf</translation>
    </message>
    <message>
        <source>time since sent (s)</source>
        <translation>Zeit seit dem Senden (s)</translation>
    </message>
    <message>
        <source>output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>generation</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <source>%1
%2 s: %3 tokens</source>
        <translation>%1
%2 s: %3 Tokens</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1
price unknown</source>
        <translation>%1
Preis unbekannt</translation>
    </message>
    <message>
        <source>%1
time to first token %2 s
generation %3 s
total %4 s</source>
        <translation>%1
Zeit bis zum ersten Token %2 s
Generierung %3 s
Gesamt %4 s</translation>
    </message>
    <message>
        <source>No price is known for these models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer was free:
nothing to compare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::RunPanel</name>
    <message>
        <source>Run figures per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 → %3 tokens · cost %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::RunTimeline</name>
    <message>
        <source>Run timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the pipeline to see where the time goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::RunVariablesDialog</name>
    <message>
        <source>Run the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::ScriptFileRow</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Answer from a JSON or JSONL file of canned answers</source>
        <translation>Aus einer JSON- oder JSONL-Datei mit vorbereiteten Antworten antworten</translation>
    </message>
    <message>
        <source>New from the demo…</source>
        <translation>Neu aus der Demo…</translation>
    </message>
    <message>
        <source>Save a copy of the demo script to edit, and answer from it</source>
        <translation>Eine Kopie des Demo-Skripts zum Bearbeiten speichern und daraus antworten</translation>
    </message>
    <message>
        <source>Open the script in your editor; changes apply to the next request</source>
        <translation>Das Skript in Ihrem Editor öffnen; Änderungen gelten ab der nächsten Anfrage</translation>
    </message>
    <message>
        <source>Answers from the demo script that comes with Juxta.</source>
        <translation>Antwortet aus dem Demo-Skript, das Juxta mitbringt.</translation>
    </message>
    <message>
        <source>Answers from %1</source>
        <translation>Antwortet aus %1</translation>
    </message>
    <message>
        <source>Script of canned answers</source>
        <translation>Skript mit vorbereiteten Antworten</translation>
    </message>
    <message>
        <source>Scripts (*.json *.jsonl);;All files (*)</source>
        <translation>Skripte (*.json *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New script from the demo</source>
        <translation>Neues Skript aus der Demo</translation>
    </message>
    <message>
        <source>Scripts (*.json *.jsonl)</source>
        <translation>Skripte (*.json *.jsonl)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>juxta::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished">Chat</translation>
    </message>
    <message>
        <source>Pipeline view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists and fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit your last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ in an empty message box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a node at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space (on the canvas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys; Shift+arrow moves further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete, Backspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a node&apos;s output larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete a {{name}} in a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Space, or type {{</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel; Shift+wheel scrolls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle button or Alt+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts of the Pipeline view work while it has the focus; the others anywhere in the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::TranscriptView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Pick a model in the toolbar, type below and press Ctrl+Enter.
Answers stream in with their time to first token, speed and cost.</source>
        <translation>Wählen Sie in der Werkzeugleiste ein Modell, schreiben Sie unten Ihre Nachricht und drücken Sie Strg+Enter.
Antworten erscheinen live, mit Zeit bis zum ersten Token, Geschwindigkeit und Kosten.</translation>
    </message>
    <message>
        <source>Answers from %1</source>
        <translation type="unfinished">Antwortet aus %1</translation>
    </message>
    <message>
        <source>your message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your message %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, part %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>juxta::WelcomePage</name>
    <message>
        <source>Open Providers…</source>
        <translation>Anbieter öffnen…</translation>
    </message>
    <message>
        <source>Try it offline</source>
        <translation>Offline ausprobieren</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Show this page at start while no provider is set up</source>
        <translation>Diese Seite beim Start zeigen, solange kein Anbieter eingerichtet ist</translation>
    </message>
    <message>
        <source>Welcome to Juxta</source>
        <translation>Willkommen bei Juxta</translation>
    </message>
    <message>
        <source>Send one prompt to several models and watch the answers stream in side by side, with time to first token, speed and cost for each. Choose how to start:</source>
        <translation>Senden Sie einen Prompt an mehrere Modelle und sehen Sie die Antworten nebeneinander eintreffen, jeweils mit Zeit bis zum ersten Token, Geschwindigkeit und Kosten. Wählen Sie, wie Sie beginnen möchten:</translation>
    </message>
    <message>
        <source>Add an API key</source>
        <translation>API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>OpenAI, Anthropic, Google Gemini, OpenRouter, Mistral, Groq, DeepSeek and any OpenAI-compatible server. Keys are kept in the system keychain, never in a file.</source>
        <translation>OpenAI, Anthropic, Google Gemini, OpenRouter, Mistral, Groq, DeepSeek und jeder OpenAI-kompatible Server. Schlüssel werden im Schlüsselbund des Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>Lokalen Server verwenden</translation>
    </message>
    <message>
        <source>No key, no network, no cost. Three built-in offline models answer side by side at different speeds; the third one is rate-limited and cut off mid-answer, so you see Juxta retry and fall back.</source>
        <translation>Kein Schlüssel, kein Netzwerk, keine Kosten. Drei eingebaute Offline-Modelle antworten nebeneinander unterschiedlich schnell; das dritte wird gedrosselt und mitten in der Antwort abgeschnitten, sodass Sie sehen, wie Juxta es erneut versucht und auf ein Ausweichmodell wechselt.</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Vorerst überspringen</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio and llama.cpp servers on this machine…</source>
        <translation>Suche nach Ollama-, LM-Studio- und llama.cpp-Servern auf diesem Rechner…</translation>
    </message>
    <message>
        <source>No Ollama, LM Studio or llama.cpp server answered on this machine. Start one and look again: local models cost nothing per token.</source>
        <translation>Auf diesem Rechner hat kein Ollama-, LM-Studio- oder llama.cpp-Server geantwortet. Starten Sie einen und suchen Sie erneut: Lokale Modelle kosten nichts pro Token.</translation>
    </message>
    <message>
        <source>Found on this machine:</source>
        <translation>Auf diesem Rechner gefunden:</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>Use %1 (%2:%3, %4)</source>
        <translation>%1 verwenden (%2:%3, %4)</translation>
    </message>
</context>
</TS>
