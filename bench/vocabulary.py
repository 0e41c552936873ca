"""Word lists for the synthetic help center: a realistic support vocabulary, English and Chinese.

Everything is a tuple so that iteration order is fixed and the generator stays deterministic.
Slots in sentence templates look like `{noun}`; `fill_slots` in generate.py picks a value per slot.
"""
from __future__ import annotations

from typing import NamedTuple


class Category(NamedTuple):
    slug: str
    title: str
    description: str
    nouns: tuple[tuple[str, str], ...]  # (noun phrase, tag)
    verbs: tuple[str, ...]


CATEGORIES: tuple[Category, ...] = (
    Category("orders", "Orders", "Placing, changing and cancelling orders.",
             (("order", "orders"), ("order confirmation", "confirmation"), ("order number", "orders"),
              ("shopping cart", "cart"), ("delivery address", "address")),
             ("cancel", "change", "find", "check", "update")),
    Category("shipping", "Shipping and delivery", "Delivery options, delivery times and tracking.",
             (("parcel", "parcel"), ("tracking number", "tracking"), ("delivery date", "delivery"),
              ("shipping method", "shipping"), ("delivery slot", "delivery")),
             ("track", "change", "check", "choose", "reschedule")),
    Category("returns", "Returns and exchanges", "Sending items back and exchanging them.",
             (("return", "returns"), ("return label", "label"), ("exchange", "exchange"),
              ("return parcel", "returns"), ("drop-off point", "drop-off")),
             ("start", "print", "track", "cancel", "find")),
    Category("refunds", "Refunds", "When and how you get your money back.",
             (("refund", "refunds"), ("partial refund", "refunds"), ("store credit", "credit"),
              ("refund status", "refunds"), ("bank statement", "bank")),
             ("request", "check", "track", "receive", "use")),
    Category("payments", "Payments", "Payment methods, declined cards and authorisations.",
             (("payment", "payment"), ("credit card", "card"), ("payment method", "payment"),
              ("card authorisation", "card"), ("instalment plan", "instalments")),
             ("update", "remove", "add", "verify", "change")),
    Category("billing", "Invoices and billing", "Invoices, receipts, VAT and billing addresses.",
             (("invoice", "invoice"), ("receipt", "receipt"), ("VAT number", "vat"),
              ("billing address", "billing"), ("credit note", "invoice")),
             ("download", "correct", "request", "update", "find")),
    Category("account", "Your account", "Creating, managing and closing your account.",
             (("account", "account"), ("password", "password"), ("email address", "email"),
              ("profile", "profile"), ("saved address", "address")),
             ("create", "reset", "change", "delete", "update")),
    Category("security", "Security and fraud", "Keeping your account safe and reporting fraud.",
             (("two-factor authentication", "2fa"), ("security code", "security"),
              ("login history", "login"), ("suspicious email", "phishing"), ("trusted device", "device")),
             ("enable", "disable", "report", "check", "reset")),
    Category("products", "Products and sizing", "Product information, sizes and stock.",
             (("size guide", "sizing"), ("product", "products"), ("restock alert", "stock"),
              ("product review", "reviews"), ("colour option", "colours")),
             ("find", "use", "set up", "write", "compare")),
    Category("warranty", "Warranty and repairs", "Warranty cover, repairs and replacements.",
             (("warranty", "warranty"), ("repair", "repair"), ("warranty claim", "warranty"),
              ("replacement", "replacement"), ("defective item", "defects")),
             ("register", "request", "track", "extend", "report")),
    Category("gift-cards", "Gift cards and promo codes", "Buying and redeeming gift cards and codes.",
             (("gift card", "gift-card"), ("promo code", "promo"), ("gift card balance", "gift-card"),
              ("voucher", "voucher"), ("gift receipt", "gift")),
             ("redeem", "check", "buy", "apply", "transfer")),
    Category("subscriptions", "Subscriptions", "Recurring deliveries, renewals and plans.",
             (("subscription", "subscription"), ("renewal date", "renewal"),
              ("delivery schedule", "schedule"), ("subscription plan", "plan"),
              ("paused subscription", "subscription")),
             ("cancel", "pause", "change", "renew", "skip")),
    Category("loyalty", "Loyalty programme", "Points, tiers and member rewards.",
             (("loyalty points", "points"), ("membership tier", "membership"), ("member reward", "rewards"),
              ("points balance", "points"), ("birthday bonus", "rewards")),
             ("earn", "redeem", "check", "transfer", "keep")),
    Category("stores", "Stores and pickup", "Our stores, click and collect and in-store services.",
             (("store", "stores"), ("click and collect order", "pickup"), ("pickup code", "pickup"),
              ("store appointment", "appointment"), ("in-store return", "returns")),
             ("find", "book", "collect", "change", "cancel")),
    Category("delivery-problems", "Delivery problems", "Missing, late, damaged or wrong deliveries.",
             (("missing parcel", "missing"), ("damaged item", "damaged"), ("wrong item", "wrong-item"),
              ("late delivery", "late"), ("missing item", "missing")),
             ("report", "replace", "return", "claim", "track")),
    Category("international", "International orders", "Customs, duties and shipping abroad.",
             (("customs declaration", "customs"), ("import duty", "duty"),
              ("international order", "international"), ("local currency", "currency"),
              ("customs fee", "customs")),
             ("pay", "calculate", "check", "avoid", "reclaim")),
    Category("business", "Business customers", "Business accounts, bulk orders and quotes.",
             (("business account", "business"), ("bulk order", "bulk"), ("purchase order", "po"),
              ("tax exemption", "tax"), ("quote", "quote")),
             ("open", "place", "request", "approve", "update")),
    Category("privacy", "Privacy and data", "Your personal data, cookies and marketing emails.",
             (("personal data", "privacy"), ("cookie settings", "cookies"), ("data export", "gdpr"),
              ("marketing emails", "marketing"), ("newsletter subscription", "newsletter")),
             ("download", "delete", "change", "manage", "unsubscribe from")),
    Category("app", "Mobile app and website", "Using our app and website.",
             (("mobile app", "app"), ("push notification", "notifications"), ("app login", "login"),
              ("wish list", "wishlist"), ("browser settings", "browser")),
             ("install", "update", "turn off", "sync", "reset")),
    Category("contacting-support", "Contacting support", "How to reach us and what to expect.",
             (("support request", "support"), ("callback", "callback"), ("live chat", "chat"),
              ("support ticket", "ticket"), ("complaint", "complaint")),
             ("submit", "book", "start", "follow up on", "escalate")),
)

# Values for the shared slots; {noun}, {noun2}, {verb} come from the article's category.
SLOT_VALUES: dict[str, tuple[str, ...]] = {
    "n": ("2", "3", "5", "7", "10", "14"),
    "hours": ("24", "48", "72"),
    "days": ("14", "30", "60", "100"),
    "country": ("Denmark", "Germany", "France", "the United Kingdom", "Norway", "Sweden", "Spain",
                "the Netherlands", "the United States", "Canada", "Japan", "Australia"),
    "menu": ("Orders", "Account settings", "Returns", "Payment methods", "Addresses", "Subscriptions",
             "Messages", "Rewards"),
    "carrier": ("DHL", "UPS", "PostNord", "GLS", "DPD", "FedEx"),
    "payment": ("Visa", "Mastercard", "PayPal", "Apple Pay", "Google Pay", "Klarna", "bank transfer"),
    "channel": ("email", "live chat", "phone"),
}

SENTENCES: tuple[str, ...] = (
    "You can {verb} your {noun} from the {menu} page in your account.",
    "Most requests about your {noun} are handled within {n} business days.",
    "Once we have processed the request, we send a confirmation email with the details.",
    "If your {noun} does not update within {hours} hours, send us a message with your order number.",
    "Please note that the {noun} cannot be changed after the parcel has been handed over to {carrier}.",
    "Customers in {country} may need to allow a few extra days for delivery.",
    "Keep your receipt or order confirmation, because we may ask for it when you contact us.",
    "Sign in to your account, open {menu}, and select the {noun} you want to manage.",
    "We accept {payment}, {payment} and most major debit cards.",
    "Refunds are always issued to the original payment method.",
    "For security reasons, we never ask for your password by email, chat or phone.",
    "The {noun} is linked to the email address you used at checkout.",
    "If you checked out as a guest, you can still {verb} your {noun} using the link in your confirmation email.",
    "Changes to your {noun} are saved immediately and apply to future orders.",
    "During sales and public holidays, handling times can be longer than usual.",
    "Our team reviews every request manually, so there may be a short delay before you hear from us.",
    "You will find the current status of your {noun} in the {menu} section.",
    "We cannot {verb} the {noun} on your behalf without a confirmation from the account holder.",
    "Items bought in a store can be returned online or in any of our stores in {country}.",
    "Business customers can request an invoice that includes their VAT number.",
    "Tracking information from {carrier} can take up to {hours} hours to appear.",
    "If something looks wrong with your {noun}, take a photo and attach it to your message.",
    "A partial refund is issued when only some of the items in an order are returned.",
    "Gift cards and promo codes cannot be exchanged for cash.",
    "Free returns apply to all orders delivered within {country}.",
    "Your {noun} and your {noun2} are managed separately, so updating one does not change the other.",
    "The fastest way to reach us is by {channel}, especially during busy periods.",
    "We recommend that you {verb} your {noun} as early as possible to avoid delays.",
    "Some products, such as personalised items and hygiene products, are excluded.",
    "You will receive an email from us as soon as the {noun} has been updated.",
    "If you paid with {payment}, the amount is usually visible on your statement within {n} business days.",
    "We may ask you to confirm your identity before we can {verb} your {noun}.",
    "The return window is {days} days from the day you received your order.",
    "Orders placed before 2 pm on a business day are usually shipped the same day.",
    "Express delivery is available for most addresses in {country}.",
    "Damaged items should be reported within {n} days of delivery.",
    "When the {noun} is ready, you will see a green check mark next to it.",
    "Make sure that your browser allows cookies from our site, otherwise the {noun} may not load correctly.",
    "If you use the mobile app, make sure it is updated to the latest version.",
    "Requests about the {noun} are processed in the order in which we receive them.",
    "You can {verb} the {noun} at any time before the order is packed.",
    "Loyalty points are added to your account {n} days after delivery.",
    "Customs fees for orders shipped to {country} are paid by the recipient.",
    "Two-factor authentication adds an extra layer of protection to your account.",
    "Our warranty covers manufacturing defects for two years from the date of purchase.",
    "Subscriptions renew automatically unless you cancel them before the renewal date.",
    "Your personal data is stored in the EU and is never sold to third parties.",
    "A member of our team will get back to you within {{ support.channels.email.response }}.",
    "If the {noun2} is also affected, mention it in the same message so that we can fix both at once.",
    "Prices are shown in your local currency, but your bank may charge a small conversion fee.",
)

STEPS: tuple[str, ...] = (
    "Sign in to your account.",
    "Open the {menu} page.",
    "Select the {noun} you want to {verb}.",
    "Choose **{verb}** and follow the instructions on the screen.",
    "Check the details and confirm.",
    "Print the return label and attach it to the parcel.",
    "Drop the parcel off at any {carrier} service point.",
    "Wait for the confirmation email.",
    "Enter the code from the email.",
    "Save your changes.",
)

HEADINGS: dict[str, tuple[str, ...]] = {
    "faq": ("Short answer", "How long does it take?", "What does it cost?", "Can I {verb} the {noun} later?",
            "What if I checked out as a guest?", "Exceptions", "Orders shipped to {country}",
            "Why was my request declined?"),
    "policy": ("Scope", "Eligibility", "Deadlines", "Fees", "Exceptions", "How we handle your {noun}",
               "Changes to this policy", "Customers outside {country}"),
    "guide": ("Before you start", "Step by step", "Using the mobile app", "Tips", "Troubleshooting",
              "What happens next", "Managing your {noun}", "If you paid with {payment}"),
}

TITLES: dict[str, tuple[str, ...]] = {
    "faq": ("How do I {verb} my {noun}{qualifier}?", "Can I {verb} my {noun}{qualifier}?",
            "Why can't I {verb} my {noun}{qualifier}?", "What happens when I {verb} my {noun}{qualifier}?",
            "How long does it take to {verb} my {noun}{qualifier}?", "Where can I {verb} my {noun}{qualifier}?"),
    "policy": ("{Noun} policy{qualifier}", "Terms for {noun}{qualifier}", "Our rules for {noun}{qualifier}"),
    "guide": ("How to {verb} your {noun}{qualifier}", "Guide to managing your {noun}{qualifier}",
              "Getting started with your {noun}{qualifier}"),
}

QUALIFIERS: tuple[str, ...] = (
    "", "", "", "", " from the mobile app", " as a guest", " with a business account", " after checkout",
    " outside the EU", " in a store", " during a sale", " on a gift order", " for someone else",
    " in {country}", " without an account", " on a subscription order",
)

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "faq": ("Find out how to {verb} your {noun} and what to expect afterwards.",
            "A short answer about your {noun}, with the deadlines that apply."),
    "policy": ("The rules that apply to your {noun}, including deadlines and exceptions.",
               "What we promise about your {noun} and what we ask of you."),
    "guide": ("A step-by-step guide to your {noun} for new and returning customers.",
              "Everything you need to {verb} your {noun} without contacting us."),
}

CONTACT_SENTENCE = ("If you still need help, email us at {{ support.channels.email.address }} and we will "
                    "reply within {{ support.channels.email.response }}.")

LINK_SENTENCES: tuple[str, ...] = (
    "See also [{title}]({href}).",
    "For more details, read [{title}]({href}).",
    "You may also find [{title}]({href}) useful.",
)

# Chinese: (Chinese word, English key used for the slug).
ZH_NOUNS: tuple[tuple[str, str], ...] = (
    ("订单", "order"), ("退款", "refund"), ("运输", "shipping"), ("账户", "account"), ("支付", "payment"),
    ("发票", "invoice"), ("包裹", "parcel"), ("快递", "courier"), ("收货地址", "address"), ("密码", "password"),
    ("优惠券", "coupon"), ("礼品卡", "gift-card"), ("会员", "membership"), ("积分", "points"),
    ("保修", "warranty"), ("维修", "repair"), ("商品", "product"), ("库存", "stock"), ("尺码", "size"),
    ("关税", "customs-duty"), ("退货", "return"), ("换货", "exchange"), ("订阅", "subscription"),
    ("信用卡", "credit-card"), ("银行转账", "bank-transfer"), ("门店自提", "pickup"), ("个人数据", "personal-data"),
    ("手机应用", "app"), ("物流信息", "tracking"), ("电子邮箱", "email"),
)
ZH_VERBS: tuple[tuple[str, str], ...] = (
    ("取消", "cancel"), ("修改", "change"), ("查询", "check"), ("申请", "request"), ("跟踪", "track"),
    ("更新", "update"), ("删除", "delete"), ("使用", "use"), ("下载", "download"), ("激活", "activate"),
)
ZH_TITLES: tuple[tuple[str, str], ...] = (
    ("如何{verb}{noun}{qualifier}？", "how-to-{verb}-{noun}"),
    ("为什么无法{verb}{noun}{qualifier}？", "why-cannot-i-{verb}-{noun}"),
    ("{noun}政策说明{qualifier}", "{noun}-policy"),
    ("{noun}使用指南{qualifier}", "{noun}-guide"),
    ("{noun}常见问题{qualifier}", "{noun}-faq"),
)
ZH_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("", ""), ("", ""), ("（手机应用）", "app"), ("（企业账户）", "business"), ("（国际订单）", "international"),
    ("（游客下单）", "guest"), ("（促销期间）", "sale"), ("（门店购买）", "store"),
)
ZH_SENTENCES: tuple[str, ...] = (
    "如果您需要{verb}{noun}，请先登录您的账户，然后进入“我的订单”页面。",
    "通常情况下，{noun}会在{n}天内处理完毕。",
    "请注意，{noun}一旦确认后将无法{verb}。",
    "我们会通过电子邮件通知您{noun}的最新状态。",
    "如有任何疑问，请随时联系我们的客服团队。",
    "部分地区的{noun}可能需要额外的时间，具体取决于当地的快递公司。",
    "为了保护您的账户安全，我们不会通过电话或邮件索要您的密码。",
    "您可以在订单详情页面查看{noun}的处理进度。",
    "在提交申请之前，请确认您的{noun}信息完整无误。",
    "如果{noun}出现问题，请保留相关凭证，以便我们尽快为您处理。",
    "退款将原路退回至您的支付账户，到账时间取决于银行的处理速度。",
    "我们建议您在下单前仔细阅读商品说明和尺码表。",
    "节假日期间，{noun}的处理时间可能会有所延长。",
    "会员可以享受免费运输和专属优惠。",
    "发票将在订单发货后自动发送到您的电子邮箱。",
    "如果您在{n}天内没有收到包裹，请联系我们并提供订单号。",
    "您也可以通过手机应用{verb}{noun}，操作步骤与网页版相同。",
    "对于国际订单，收件人可能需要支付进口关税和增值税。",
    "每个账户每次只能使用一张优惠券。",
    "礼品卡余额不能兑换现金，但可以在任何订单中使用。",
    "{noun}和{noun2}是分开管理的，修改其中一项不会影响另一项。",
    "我们的客服团队会人工审核每一个申请，因此可能需要一些时间。",
)
ZH_STEPS: tuple[str, ...] = (
    "登录您的账户。", "打开“我的订单”页面。", "选择需要{verb}的{noun}。", "点击“{verb}”并按照页面提示操作。",
    "核对信息后点击确认。", "等待确认邮件。", "保存修改。",
)
ZH_HEADINGS: tuple[str, ...] = (
    "开始之前", "操作步骤", "处理时间", "费用说明", "例外情况", "常见问题", "注意事项", "退款方式",
)
ZH_DESCRIPTION = "本文介绍如何{verb}{noun}以及相关注意事项。"
ZH_CONTACT_SENTENCE = ("如果仍需帮助，请发送邮件至 {{ support.channels.email.address }}，"
                       "我们会在 {{ support.channels.email.response }} 内回复。")
ZH_LINK_SENTENCE = "另请参阅：[{title}]({href})。"
