// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas's view: zoom (wheel, Ctrl +/−, fit), pan (middle button, or drag empty canvas with Alt; scroll bars),
// rubber-band selection, a dotted grid, nodes dropped from the palette, and the keyboard: arrow keys move the
// selection (Shift: further), Space asks for the "add node" popup at the cursor. Tab keeps moving focus.
#pragma once

#include "pipeline/Pipeline.h"

#include <QGraphicsView>

namespace juxta {

inline const QString kNodeKindMimeType = QStringLiteral("application/x-juxta-node-kind");

class PipelineView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PipelineView(QGraphicsScene* scene, QWidget* parent = nullptr);

    void zoomBy(double factor, std::optional<QPointF> around = std::nullopt);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void fitAll(const QRectF& rect);
    double zoom() const;
    QPointF cursorScenePos() const; // the mouse if over the view, else the view's centre

signals:
    void addNodeRequested(QPointF scenePos);              // Space, or a double-click on empty canvas
    void dropNodeRequested(juxta::NodeKind kind, QPointF scenePos);
    void nudgeRequested(QPointF by);                      // arrow keys
    void deleteRequested();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override; // the empty canvas says how to start

private:
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace juxta
