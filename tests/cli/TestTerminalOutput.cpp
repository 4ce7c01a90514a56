// SPDX-License-Identifier: GPL-3.0-or-later
// The real binary on a real pseudo-terminal (forkpty): escape sequences in a model's answer or a server's error
// arrive inert ("^[" instead of ESC) while --json into a pipe keeps them exactly; Ctrl+C at the hidden key
// prompt leaves the terminal echoing again.
#include "FakeProviderServer.h"
#include "StreamScripts.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace juxta::test;
using namespace Qt::StringLiterals;

namespace {

// A child process on a pseudo-terminal; the test's own event loop keeps turning (the fake server lives in it).
class PtyChild
{
public:
    bool start(const QStringList& arguments, const QProcessEnvironment& env)
    {
        QList<QByteArray> args{QByteArrayLiteral(JUXTA_BINARY)};
        for (const QString& a : arguments)
            args.append(a.toUtf8());
        QList<QByteArray> environment;
        for (const QString& entry : env.toStringList())
            environment.append(entry.toUtf8());
        m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
        if (m_pid < 0)
            return false;
        if (m_pid == 0) { // the child: only exec from here
            std::vector<char*> argv;
            for (QByteArray& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            std::vector<char*> envp;
            for (QByteArray& e : environment)
                envp.push_back(e.data());
            envp.push_back(nullptr);
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
        m_slaveName = QByteArray(::ptsname(m_master));
        return true;
    }

    ~PtyChild()
    {
        if (m_pid > 0 && !m_exited) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }

    // Reads what the child wrote until `until` appears, or the child exits, or the time is up.
    bool readUntil(const QByteArray& until, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            drain();
            if (!until.isEmpty() && m_output.contains(until))
                return true;
            if (reap())
                return until.isEmpty() || m_output.contains(until);
            QTest::qWait(10);
        }
        return false;
    }

    void write(const QByteArray& bytes) { (void)!::write(m_master, bytes.constData(), size_t(bytes.size())); }
    const QByteArray& output() const { return m_output; }
    int status() const { return m_status; }
    bool exited() const { return m_exited; }
    QByteArray slaveName() const { return m_slaveName; }

private:
    void drain()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n <= 0)
                return;
            m_output.append(buffer, n);
        }
    }
    bool reap()
    {
        if (!m_exited && ::waitpid(m_pid, &m_status, WNOHANG) == m_pid)
            m_exited = true;
        if (m_exited)
            drain();
        return m_exited;
    }

    pid_t m_pid = -1;
    int m_master = -1;
    int m_status = 0;
    bool m_exited = false;
    QByteArray m_output;
    QByteArray m_slaveName;
};

} // namespace

class TestTerminalOutput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void answerEscapesAreInertOnATerminal();
    void errorEscapesAreInertOnATerminal();
    void ctrlCAtTheKeyPromptRestoresEcho();

private:
    QProcessEnvironment environment() const;

    std::unique_ptr<FakeProviderServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestTerminalOutput::init()
{
    m_server = std::make_unique<FakeProviderServer>();
    QVERIFY(m_server->listen());
    m_home = std::make_unique<QTemporaryDir>();
}

QProcessEnvironment TestTerminalOutput::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"TERM"_s, u"xterm"_s);
    return env;
}

// An answer that would set the window title, clear the screen and hide a line behind a carriage return.
static const QString kHostile = u"Title\x1b]0;pwned\x07 clear\x1b[2J back\rover \u202Eevil"_s;

void TestTerminalOutput::answerEscapesAreInertOnATerminal()
{
    StreamScript script;
    script.pieces = {u"Before. "_s, kHostile, u" After."_s};
    m_server->enqueue(openAiStream(script));
    PtyChild child;
    QVERIFY(child.start({u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(), u"--model"_s, u"m"_s, u"hi"_s},
                        environment()));
    QVERIFY(child.readUntil({}, 20'000));
    QVERIFY(WIFEXITED(child.status()) && WEXITSTATUS(child.status()) == 0);
    const QByteArray shown = child.output();
    QVERIFY2(shown.contains("Before. Title^[]0;pwned^G clear^[[2J back^Mover \xEF\xBF\xBD" "evil After."),
             shown.constData());
    QVERIFY2(!shown.contains('\x1b') && !shown.contains('\x07'), shown.toHex(' ').constData());

    // Into a pipe, --json keeps the exact text (JSON's escaping makes it inert).
    m_server->enqueue(openAiStream(script));
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(JUXTA_BINARY), {u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(),
                                                 u"--model"_s, u"m"_s, u"--json"_s, u"hi"_s});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20'000);
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(json.value(u"text"_s).toString(), u"Before. "_s + kHostile + u" After."_s);
}

void TestTerminalOutput::errorEscapesAreInertOnATerminal()
{
    m_server->enqueue(ScriptedResponse::json(400, R"({"error":{"message":"bad \u001b[31mred\u001b[0m request","type":"invalid_request_error"}})"));
    PtyChild child;
    QVERIFY(child.start({u"ask"_s, u"--base-url"_s, m_server->baseUrl().toString(), u"--model"_s, u"m"_s,
                         u"--no-retry"_s, u"hi"_s},
                        environment()));
    QVERIFY(child.readUntil({}, 20'000));
    QVERIFY(WIFEXITED(child.status()) && WEXITSTATUS(child.status()) == 1);
    QVERIFY2(child.output().contains("bad ^[[31mred^[[0m request"), child.output().constData());
    QVERIFY(!child.output().contains('\x1b'));
}

void TestTerminalOutput::ctrlCAtTheKeyPromptRestoresEcho()
{
    const QString config = m_home->filePath(u"config.json"_s);
    PtyChild child;
    QVERIFY(child.start({u"key"_s, u"set"_s, u"openai"_s, u"--config"_s, config}, environment()));
    QVERIFY2(child.readUntil("(not shown)", 20'000), child.output().constData());
    QTest::qWait(100); // the prompt is written just before echo goes off
    child.write("\x03"); // Ctrl+C, turned into SIGINT by the terminal
    QVERIFY(child.readUntil({}, 10'000));
    QVERIFY(WIFSIGNALED(child.status()) && WTERMSIG(child.status()) == SIGINT);
    const int slave = ::open(child.slaveName().constData(), O_RDWR | O_NOCTTY);
    QVERIFY(slave >= 0);
    termios settings{};
    QCOMPARE(::tcgetattr(slave, &settings), 0);
    ::close(slave);
    QVERIFY2(settings.c_lflag & ECHO, "the terminal was left without echo");
}

QTEST_GUILESS_MAIN(TestTerminalOutput)
#include "TestTerminalOutput.moc"
