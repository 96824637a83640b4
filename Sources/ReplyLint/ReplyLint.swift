import ReplyKit
