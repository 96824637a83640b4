import Benchmark
import TweetText

/// About 150 characters each, the shape of a brand's reply: English, Spanish, Japanese, Arabic,
/// emoji ZWJ sequences and flags, and the DM deep link that ends a handoff.
let replies: [String] = [
    "Sorry about the wait, Ana. Your refund for order 4471 is on its way and should land within 5 business days. DM us if it hasn't by Friday! 🙏",
    "Lamentamos la espera, Ana. Tu reembolso llegará en 3 días hábiles. Escríbenos por mensaje privado con tu número de pedido y lo revisamos. 🇲🇽✈️",
    "ご不便をおかけして申し訳ございません。返金手続きは完了しており、3営業日以内にご指定の口座へ入金されます。詳細はDMでお知らせください。よろしくお願いいたします。",
    "نعتذر عن التأخير يا أحمد. تم استرداد المبلغ وسيصل إلى حسابك خلال ٣ أيام عمل. راسلنا عبر الرسائل الخاصة إذا لم يصل المبلغ وسنساعدك فوراً.",
    "We hear you 👨‍👩‍👧‍👦 and we want your family trip to be great! Our team is on it — send us a DM and we'll rebook all four seats together. 🧑🏽‍✈️👍🏽",
    "Thanks for your patience, Sam. Send us your booking reference in a DM and we'll sort this out today. https://twitter.com/messages/compose?recipient_id=3805104374",
    "Olá, Bruno! Sentimos muito pelo transtorno com a sua bagagem. Já localizamos a mala e ela será entregue amanhã no seu endereço. Qualquer dúvida, fale conosco.",
    "Hi Priya, thanks for flagging this. Our engineers fixed the app issue in 4.2.1 — update at https://acme.com/app and let us know in DM if it still happens. 💙",
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    Benchmark("parseTweet, mixed ~150-character replies (v3)") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(TwitterText.parseTweet(replies[i % replies.count]))
        }
    }

    Benchmark("extractEntities, mixed replies") { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(TwitterText.extractEntities(replies[i % replies.count]))
        }
    }
}
