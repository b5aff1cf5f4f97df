#include "customerspage.h"

#include "busyindicator.h"
#include "customerlistmodel.h"
#include "icons.h"
#include "messagebanner.h"
#include "retrycountdown.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace portal {

using Status = CustomerListModel::Status;

CustomersPage::CustomersPage(CustomerListModel *model, QWidget *parent)
    : Page(tr("Customers"), parent, {}, Width::Full)
    , m_model(model)
    , m_search(new QLineEdit)
    , m_count(new QLabel)
    , m_stack(new QStackedWidget)
    , m_table(new QTableView)
    , m_busy(new BusyIndicator)
    , m_stateText(new QLabel)
    , m_retry(new QPushButton(icon(Icon::Refresh), tr("Retry")))
    , m_open(new QPushButton(icon(Icon::Edit), tr("&Open")))
    , m_debounce(new QTimer(this))
    , m_wait(new RetryCountdown(banner(), m_retry, this))
{
    setObjectName(QStringLiteral("customersPage"));
    m_search->setObjectName(QStringLiteral("searchCustomers"));
    m_count->setObjectName(QStringLiteral("customerCount"));
    m_stateText->setObjectName(QStringLiteral("customersState"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_open->setObjectName(QStringLiteral("openButton"));
    m_count->setTextFormat(Qt::PlainText);
    m_stateText->setTextFormat(Qt::PlainText);
    m_stateText->setWordWrap(true);
    m_stateText->setAlignment(Qt::AlignCenter);

    // Search: a caption that is also the field's accessible name, and the count beside it.
    auto *caption = new QLabel(tr("Search customers"));
    caption->setBuddy(m_search);
    m_search->setAccessibleName(caption->text());
    m_search->setPlaceholderText(tr("Name, username or email"));
    m_search->setClearButtonEnabled(true);
    auto *shortcut = new QShortcut(QKeySequence::Find, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this]() {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_search->setToolTip(
        tr("Search customers (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(caption);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_busy);
    searchRow->addWidget(m_count);
    // Room for a large count, so the search field keeps its width as the count changes.
    m_count->setMinimumWidth(
        m_count->fontMetrics().horizontalAdvance(tr("%Ln customer(s)", nullptr, 8888888)));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    cardLayout()->addLayout(searchRow);

    buildTable();
    auto *panel = new QWidget;
    buildStatePanel(panel);
    m_stack->addWidget(m_table);
    m_stack->addWidget(panel);
    cardLayout()->addWidget(m_stack, 1);

    QHBoxLayout *buttons = addButtonRow();
    buttons->addWidget(m_open);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    m_open->setToolTip(tr("Open the selected customer (%1)")
                           .arg(QKeySequence(Qt::Key_Enter).toString(QKeySequence::NativeText)));
    m_retry->setVisible(false);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &CustomersPage::searchNow);
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        if (m_debounce->isActive())
            searchNow();
        else
            openCurrent();
    });
    connect(m_open, &QPushButton::clicked, this, &CustomersPage::openCurrent);
    connect(m_retry, &QPushButton::clicked, this, &CustomersPage::retry);
    connect(m_model, &CustomerListModel::statusChanged, this, &CustomersPage::updateState);
    // A further page failing again leaves the status Failed: the error (and Retry) shows again.
    connect(m_model, &CustomerListModel::loadFailed, this, &CustomersPage::updateState);
    // A load the server asked to wait for goes again by itself: counted down on the banner.
    connect(m_model, &CustomerListModel::loadWaiting, m_wait, &RetryCountdown::startRetrying);
    // A new load: the one waited for is no longer wanted.
    connect(m_model, &CustomerListModel::loadStarted, m_wait, &RetryCountdown::dismiss);
    connect(m_model, &CustomerListModel::totalCountChanged, this, &CustomersPage::updateCount);
    connect(m_model, &CustomerListModel::pageLoaded, this,
            [this](int firstRow) { onPageLoaded(firstRow); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomersPage::updateState);

    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_open);
    setTabOrder(m_open, m_retry);
    updateState();
}

void CustomersPage::buildTable()
{
    m_table->setObjectName(QStringLiteral("customersTable"));
    m_table->setAccessibleName(tr("Customers"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it.
    m_table->verticalHeader()->setVisible(false);
    // Rows of one height: the view never measures a row to lay out a long list.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_table->setColumnWidth(CustomerListModel::IdColumn, em * 5);
    m_table->setColumnWidth(CustomerListModel::UsernameColumn, em * 10);
    m_table->setColumnWidth(CustomerListModel::NameColumn, em * 12);
    m_table->setColumnWidth(CustomerListModel::EmailColumn, em * 15);
    m_table->setColumnWidth(CustomerListModel::BirthDateColumn, em * 9);
    // The server cannot order by birth date: the indicator goes back to the order in force.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        if (!CustomerListModel::isSortable(column))
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    connect(m_table, &QTableView::activated, this, &CustomersPage::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this]() { m_open->setEnabled(currentCustomer().has_value()); });
}

void CustomersPage::buildStatePanel(QWidget *panel)
{
    // The sentence takes the panel's width (a label squeezed between stretches wraps early).
    auto *layout = new QVBoxLayout(panel);
    layout->addStretch(1);
    layout->addWidget(m_stateText);
    layout->addStretch(1);
}

std::optional<Customer> CustomersPage::currentCustomer() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->customerAt(current.row());
}

void CustomersPage::activate()
{
    if (m_model->status() == Status::Idle)
        m_model->setSearch(m_search->text());
}

void CustomersPage::searchNow()
{
    m_debounce->stop();
    m_model->setSearch(m_search->text());
}

void CustomersPage::reset()
{
    // setText(), not clear(): the next user must not get the last one's searches back with Ctrl+Z.
    m_search->setText(QString());
    m_debounce->stop(); // The text changed, which started the pause.
}

void CustomersPage::forgetTyping()
{
    const QSignalBlocker quiet(m_search); // The text stays the same: no new search.
    m_search->setText(m_search->text());  // setText() starts a new undo history
}

void CustomersPage::openCurrent()
{
    if (const std::optional<Customer> customer = currentCustomer())
        Q_EMIT openRequested(*customer);
}

bool CustomersPage::submitFromKeyboard()
{
    // The table and the search field act on Enter themselves, then let the key go on: it must
    // not open the customer a second time here.
    QWidget *focus = focusWidget();
    if (focus != m_table && focus != m_search)
        openCurrent();
    return true;
}

void CustomersPage::updateState()
{
    const Status status = m_model->status();
    const bool empty = m_model->rowCount() == 0;
    m_busy->setRunning(status == Status::Loading);
    const bool retryHadFocus = m_retry->hasFocus();
    m_open->setEnabled(currentCustomer().has_value());
    if (status != Status::Loading)
        m_wait->stop();
    // An error with rows on screen goes above them, with the banner's Retry; with none, it is the
    // page's centre text, with the Retry below.
    m_retry->setVisible(status == Status::Failed && empty);
    if (status == Status::Failed && !empty)
        banner()->showFailure(m_model->lastError(), m_model->lastError().userMessage(),
                              [this]() { retry(); });
    else if (!m_wait->isRunning()) // The countdown has the banner until the load ends.
        banner()->clear();
    QString text;
    if (status == Status::Loading)
        text = tr("Loading customers…");
    else if (status == Status::Failed && empty)
        //: %1 says what went wrong, for example "Can't reach the server at host:8000."
        text = tr("The customers could not be loaded. %1").arg(m_model->lastError().userMessage());
    else if (status == Status::Ready && empty && m_model->search().isEmpty())
        text = tr("There are no customers yet.");
    else if (status == Status::Ready && empty)
        text = tr("No customers match \u201c%1\u201d.").arg(m_model->search());
    m_stateText->setText(text);
    const bool showTable = !empty || status == Status::Idle;
    // Keep the keyboard focus on the page when the table it was in is swapped out.
    // The keyboard focus must not get lost when the table it was in (or Retry) goes away while
    // the list reloads: it waits in the search field and goes back to the rows when they come.
    if ((m_table->hasFocus() && !showTable) || (retryHadFocus && status != Status::Failed)) {
        m_focusRowsWhenLoaded = true;
        m_search->setFocus(Qt::OtherFocusReason);
    }
    m_stack->setCurrentIndex(showTable ? 0 : 1);
    updateCount();
}

void CustomersPage::retry()
{
    // The load that failed: a further page of the rows shown, or the query's first page.
    if (m_model->rowCount() > 0)
        m_model->fetchMore({});
    else
        m_model->reload();
}

void CustomersPage::onPageLoaded(int firstRow)
{
    updateState();
    // A new query's first row is current and selected, so Enter opens it at once.
    if (firstRow == 0 && m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(0, 0));
        m_table->selectRow(0);
        m_table->scrollToTop();
    }
    if (std::exchange(m_focusRowsWhenLoaded, false) && m_model->rowCount() > 0 &&
        m_search->hasFocus())
        m_table->setFocus(Qt::OtherFocusReason);
}

void CustomersPage::updateCount()
{
    const qint64 total = m_model->totalCount();
    m_count->setText(total < 0 ? QString()
                               : tr("%Ln customer(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
}

} // namespace portal
