<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>juxta::MainWindow</name>
    <message>
        <source>Juxta</source>
        <translation>Juxta</translation>
    </message>
    <message>
        <source>No conversation yet.
Use “juxta ask” from a terminal to stream an answer.</source>
        <translation>Noch keine Unterhaltung.
Mit „juxta ask“ im Terminal lässt sich eine Antwort streamen.</translation>
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
        <source>&lt;h3&gt;Juxta %1&lt;/h3&gt;&lt;p&gt;Pick any model from any provider, compare answers side by side, and chain models into pipelines.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Juxta %1&lt;/h3&gt;&lt;p&gt;Jedes Modell jedes Anbieters wählen, Antworten nebeneinander vergleichen und Modelle zu Pipelines verketten.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
