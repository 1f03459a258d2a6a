#pragma once

#include "ElementSettings.h"

namespace sb {

// "Test connection" for the network elements: one harmless request in the element's own protocol that changes
// nothing, on the calling thread (never the GUI thread). Success is a sentence saying what answered; failure is
// the adapter's own sentence (refused, timeout, TLS, wrong key, …).
class ElementProbe
{
public:
    // CGRateS APIerSv2.GetAccount of an account that does not exist: NOT_FOUND means the OCS answered.
    static Result<UserMessage> ocs(const ElementEndpoint& endpoint);
    // PyHSS GET /subscriber/imsi/<unused IMSI>: 404 means the HSS answered.
    static Result<UserMessage> pyHss(const ElementEndpoint& endpoint);
    // osmo-hlr CTRL GET of an unused IMSI's info: "No such subscriber" means the HLR answered.
    static Result<UserMessage> osmoHlr(const ElementEndpoint& endpoint);
    // IPTV middleware GET /devices/<unused serial>: 404 means the middleware answered.
    static Result<UserMessage> iptv(const ElementEndpoint& endpoint);
    // Opens the database (a URL as in Settings) and checks that `table` is there.
    static Result<UserMessage> database(const QString& element, const QString& url, const QString& table);
    // Connect, EHLO, STARTTLS, AUTH, QUIT.
    static Result<UserMessage> mail(const SmtpSettings& settings);

    // The test for a page of Settings → Network elements with these values; an empty address says which
    // built-in default serves the element.
    static Result<UserMessage> test(ElementPage page, const ElementSettings::Values& values);

    static constexpr const char* UnusedImsi = "001019999999990";
};

} // namespace sb
