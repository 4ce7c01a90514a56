// SPDX-License-Identifier: GPL-3.0-or-later
// The shared model picker: sections (favourites, recent, per provider), search, keyboard, favourites, typed
// references, prices and "price unknown"; the open picker is rendered offscreen for packaging/screenshots.
#include "catalog/ModelEntryDelegate.h"
#include "catalog/ModelListModel.h"
#include "catalog/ModelPicker.h"
#include "catalog/DiscoveryCache.h"
#include "config/ConfigStore.h"
#include "config/ProviderPresets.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace juxta;

namespace {

ModelInfo model(const QString& id, const QString& name, qint64 context, std::optional<ModelPrice> price,
                bool reasoning = false, bool vision = false)
{
    ModelInfo m;
    m.id = id;
    m.displayName = name;
    m.contextWindow = context;
    m.price = price;
    m.reasoning = reasoning;
    m.vision = vision;
    return m;
}

ModelPrice perMillion(double input, double output)
{
    ModelPrice p;
    p.base.input = input;
    p.base.output = output;
    return p;
}

} // namespace

class TestModelPicker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sectionsComeInOrder();
    void searchFiltersByEveryTerm();
    void typedReferenceIsOffered();
    void keyboardPicksAndRemembersRecent();
    void starTogglesFavouriteWithoutPicking();
    void unknownPriceIsSaidNotZero();
    void offlineModelsAreLabelled();
    void openPickerScreenshot();

private:
    QStringList rowTitles() const;

    AppConfig m_config;
    std::unique_ptr<ModelCatalog> m_catalog;
    std::unique_ptr<QMainWindow> m_window;
    ModelPicker* m_picker = nullptr;
};

void TestModelPicker::init()
{
    m_config = {};
    m_config.profiles = {profileFromPreset(*findPreset(u"openai"_s)), profileFromPreset(*findPreset(u"openrouter"_s)),
                         profileFromPreset(*findPreset(u"ollama"_s))};
    m_catalog = std::make_unique<ModelCatalog>(m_config);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_catalog->setListed(m_config.profiles[1],
                         {model(u"anthropic/claude-sonnet-4.5"_s, u"Anthropic: Claude Sonnet 4.5"_s, 1'000'000,
                                perMillion(3, 15), true, true),
                          model(u"google/gemini-2.5-flash"_s, u"Google: Gemini 2.5 Flash"_s, 1'048'576,
                                perMillion(0.3, 2.5), true, true),
                          model(u"deepseek/deepseek-chat"_s, u"DeepSeek: DeepSeek V3"_s, 163'840, perMillion(0.3, 0.88)),
                          model(u"openrouter/auto"_s, u"Auto Router"_s, 2'000'000, std::nullopt)},
                         now);
    m_catalog->setListed(m_config.profiles[2],
                         {model(u"llama3.1:8b"_s, u"llama3.1:8b"_s, 131'072, std::nullopt),
                          model(u"qwen3:4b"_s, u"qwen3:4b"_s, 40'960, std::nullopt, true)},
                         now);
    m_config.favouriteModels = {u"openrouter/anthropic/claude-sonnet-4.5"_s};
    m_config.recentModels = {u"ollama/qwen3:4b"_s};

    m_window = std::make_unique<QMainWindow>();
    m_window->resize(980, 640);
    auto* bar = m_window->addToolBar(u"Model"_s);
    m_picker = new ModelPicker(m_config, *m_catalog, bar);
    bar->addWidget(m_picker);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestModelPicker::cleanup()
{
    m_window.reset();
}

QStringList TestModelPicker::rowTitles() const
{
    QStringList titles;
    const ModelListModel* model = m_picker->popup()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row);
        const auto kind = i.data(ModelListModel::KindRole).value<ModelListModel::RowKind>();
        titles << (kind == ModelListModel::RowKind::Header ? u"# "_s : QString()) + i.data().toString();
    }
    return titles;
}

void TestModelPicker::sectionsComeInOrder()
{
    m_picker->showPopup();
    const QStringList titles = rowTitles();
    QCOMPARE(titles.mid(0, 4), (QStringList{u"# Favourites"_s, u"Anthropic: Claude Sonnet 4.5"_s,
                                            u"# Recently used"_s, u"qwen3:4b"_s}));
    QCOMPARE(titles[4], u"# OpenAI"_s); // bundled models until the server's list is fetched
    QVERIFY(titles.indexOf(u"# OpenRouter"_s) > 5);
    QVERIFY(titles.indexOf(u"# Ollama"_s) > titles.indexOf(u"# OpenRouter"_s));
    // Within a provider, alphabetical with numbers in order.
    const int router = int(titles.indexOf(u"# OpenRouter"_s));
    QCOMPARE(titles[router + 1], u"Anthropic: Claude Sonnet 4.5"_s);
    QCOMPARE(titles[router + 2], u"Auto Router"_s);
}

void TestModelPicker::searchFiltersByEveryTerm()
{
    m_picker->showPopup();
    QTest::keyClicks(m_picker->popup()->searchField(), u"gemini flash"_s);
    QStringList titles = rowTitles();
    QVERIFY(titles.contains(u"Google: Gemini 2.5 Flash"_s));
    QVERIFY(!titles.contains(u"DeepSeek: DeepSeek V3"_s));
    QVERIFY(!titles.contains(u"# Favourites"_s));
    // The first match is selected so Enter picks it.
    QCOMPARE(m_picker->popup()->list()->currentIndex().data(ModelListModel::ReferenceRole).toString().contains(u"flash"_s),
             true);
    m_picker->popup()->searchField()->clear();
    QTest::keyClicks(m_picker->popup()->searchField(), u"free"_s);
    titles = rowTitles();
    QVERIFY(titles.contains(u"llama3.1:8b"_s));
    QVERIFY(!titles.contains(u"Google: Gemini 2.5 Flash"_s));
    m_picker->popup()->searchField()->clear();
    QTest::keyClicks(m_picker->popup()->searchField(), u"zzz-nothing"_s);
    QCOMPARE(m_picker->popup()->model()->rowCount(), 0);
}

void TestModelPicker::typedReferenceIsOffered()
{
    m_picker->showPopup();
    QSignalSpy chosen(m_picker, &ModelPicker::modelChosen);
    QTest::keyClicks(m_picker->popup()->searchField(), u"openrouter/mistralai/new-model"_s);
    QVERIFY(rowTitles().contains(u"# Use a model by name"_s));
    QTest::keyClick(m_picker->popup()->searchField(), Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), u"openrouter/mistralai/new-model"_s);
}

void TestModelPicker::keyboardPicksAndRemembersRecent()
{
    m_picker->showPopup();
    QSignalSpy chosen(m_picker, &ModelPicker::modelChosen);
    QLineEdit* search = m_picker->popup()->searchField();
    QTest::keyClicks(search, u"deepseek"_s);
    QTest::keyClick(search, Qt::Key_Down); // only one match: stays on it
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), u"openrouter/deepseek/deepseek-chat"_s);
    QVERIFY(!m_picker->popup()->isVisible());
    QCOMPARE(m_config.recentModels.first(), u"openrouter/deepseek/deepseek-chat"_s);
    QVERIFY(m_picker->text().contains(u"DeepSeek: DeepSeek V3"_s));
    QVERIFY(m_picker->text().contains(u"OpenRouter"_s));

    QSignalSpy refresh(m_picker, &ModelPicker::refreshRequested);
    m_picker->showPopup();
    QTest::keyClick(m_picker->popup()->searchField(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(refresh.size(), 1);
    m_picker->popup()->hide();

    m_picker->showPopup(); // Esc closes without choosing
    QTest::keyClick(m_picker->popup()->searchField(), Qt::Key_Escape);
    QVERIFY(!m_picker->popup()->isVisible());
    QCOMPARE(chosen.size(), 1);
}

void TestModelPicker::starTogglesFavouriteWithoutPicking()
{
    m_picker->showPopup();
    QSignalSpy chosen(m_picker, &ModelPicker::modelChosen);
    QSignalSpy favourites(m_picker, &ModelPicker::favouritesChanged);
    QListView* list = m_picker->popup()->list();
    const int row = m_picker->popup()->model()->rowOf(u"openrouter/deepseek/deepseek-chat"_s);
    QVERIFY(row >= 0);
    list->scrollTo(m_picker->popup()->model()->index(row));
    const QRect rect = list->visualRect(m_picker->popup()->model()->index(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, ModelEntryDelegate::starRect(rect).center());
    QCOMPARE(favourites.size(), 1);
    QCOMPARE(chosen.size(), 0);
    QVERIFY(m_config.favouriteModels.contains(u"openrouter/deepseek/deepseek-chat"_s));
    QVERIFY(m_picker->popup()->isVisible());
    QCOMPARE(rowTitles().mid(0, 3), (QStringList{u"# Favourites"_s, u"Anthropic: Claude Sonnet 4.5"_s,
                                                 u"DeepSeek: DeepSeek V3"_s}));
    // Clicking the row itself picks it.
    const int again = m_picker->popup()->model()->rowOf(u"openrouter/deepseek/deepseek-chat"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(m_picker->popup()->model()->index(again)).center());
    QCOMPARE(chosen.size(), 1);
}

void TestModelPicker::offlineModelsAreLabelled()
{
    m_config.profiles.append(profileFromPreset(*findPreset(u"echo"_s)));
    m_config.profiles.append(profileFromPreset(*findPreset(u"scripted"_s)));
    m_picker->reload();
    const ModelListModel* model = m_picker->popup()->model();
    for (const QString& reference : {u"echo/echo-upper"_s, u"scripted/swift"_s}) {
        const int row = model->rowOf(reference);
        QVERIFY2(row >= 0, qPrintable(reference)); // listed without asking anyone: built-in models
        const QModelIndex i = model->index(row);
        QCOMPARE(i.data(ModelListModel::PriceRole).toString(), u"$0 · offline"_s);
        QVERIFY(i.data(ModelListModel::BadgesRole).toStringList().contains(u"offline"_s));
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(u"Price source: offline"_s));
    }
    m_picker->popup()->searchField()->setText(u"offline"_s); // "offline" finds them all, and nothing else
    QVERIFY(model->rowOf(u"scripted/flaky"_s) >= 0);
    QVERIFY(model->rowOf(u"openai/gpt-4o"_s) < 0);
    m_picker->choose(u"scripted/swift"_s);
    QVERIFY2(m_picker->text().contains(u"Offline"_s), qPrintable(m_picker->text()));
}

void TestModelPicker::unknownPriceIsSaidNotZero()
{
    const ModelListModel* model = m_picker->popup()->model();
    m_picker->popup()->reload();
    const QModelIndex autoRouter = model->index(model->rowOf(u"openrouter/openrouter/auto"_s));
    QCOMPARE(autoRouter.data(ModelListModel::PriceRole).toString(), u"price unknown"_s);
    QCOMPARE(autoRouter.data(ModelListModel::PriceKnownRole).toBool(), false);
    const QModelIndex local = model->index(model->rowOf(u"ollama/llama3.1:8b"_s));
    QCOMPARE(local.data(ModelListModel::PriceRole).toString(), u"free"_s);
    QVERIFY(local.data(ModelListModel::BadgesRole).toStringList().contains(u"local"_s));
    const QModelIndex sonnet = model->index(model->rowOf(u"openrouter/anthropic/claude-sonnet-4.5"_s));
    QCOMPARE(sonnet.data(ModelListModel::PriceRole).toString(), u"$3.00 / $15.00 per 1M"_s);
    QCOMPARE(sonnet.data(ModelListModel::ContextRole).toString(), u"1M context"_s);
    QCOMPARE(model->index(model->rowOf(u"openrouter/google/gemini-2.5-flash"_s)).data(ModelListModel::ContextRole)
                 .toString(),
             u"1M context"_s);
    QVERIFY(sonnet.data(Qt::ToolTipRole).toString().contains(u"Price source: openrouter"_s));
}

void TestModelPicker::openPickerScreenshot()
{
    // The real main window, reading the same setup from its own (test-private) config and model-list cache.
    m_window.reset();
    ConfigStore store;
    store.config() = m_config;
    store.config().recentModels = {u"ollama/qwen3:4b"_s, u"openrouter/google/gemini-2.5-flash"_s};
    QVERIFY(store.save());
    DiscoveryCache cache;
    for (const ProviderProfile& p : m_config.profiles) {
        if (m_catalog->hasList(p.id)) {
            QList<ModelInfo> listed;
            for (const CatalogEntry& e : m_catalog->entries(p)) {
                ModelInfo m;
                m.id = e.modelId;
                m.displayName = e.displayName;
                m.contextWindow = e.contextWindow;
                m.reasoning = e.reasoning;
                m.vision = e.vision;
                if (e.priceSource == PriceSource::OpenRouter)
                    m.price = e.price;
                listed.append(m);
            }
            QVERIFY(cache.store(p, listed, QDateTime::currentDateTimeUtc()));
        }
    }
    MainWindow window;
    window.resize(1000, 660);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ModelPicker* picker = window.modelPicker();
    QVERIFY(picker->text().contains(u"qwen3:4b"_s)); // the most recent model is preselected
    picker->showPopup();
    ModelPickerPopup* popup = picker->popup();
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    QTest::keyClicks(popup->searchField(), u"o"_s);
    QTest::keyClick(popup->searchField(), Qt::Key_Backspace); // as a person would: typed, then cleared
    // One picture as a person sees it: the window with the popup over it.
    QImage shot = window.grab().toImage();
    QPainter painter(&shot);
    painter.drawImage(window.mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab().toImage());
    painter.end();
    const QString dir = qEnvironmentVariable("JUXTA_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(shot.save(dir + u"/model_picker.png"_s));
}

QTEST_MAIN(TestModelPicker)
#include "TestModelPicker.moc"
