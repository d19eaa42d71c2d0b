/**
 * Common Japanese family names (general knowledge: the top of the national surname rankings) that
 * kuromoji's IPADIC does not tag as 人名・姓 — it reads 松田 and 飯田 as organisations, 森 and 林 as
 * common nouns. The person-name tagger takes them as family names only where a person's context
 * says so (a writer's label, a post, a relation, a name list, a given name after a space).
 */
export const COMMON_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤
  清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本
  福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原
  柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野
  杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 佐野 杉本
  古川 大西 市川 五十嵐 北村 小島 水野 東 永井 中西 服部 吉川 小松 西田 安田 山中 川口 岩田 中田 本田
  辻 飯田 樋口 秋山 片山 土屋 大橋 望月 荒木 関 浅野 平田 須藤 大久保 熊谷 松下 吉村 小池 石原 堀
  浅井 西川 大石 中林 小西 今村 川村 松岡 菅野 青山 黒田 荒井 河合 安部 早川 市村 星野 松浦 大谷 内藤
  武藤 吉岡 野田 西山 小田 北川 中谷 宇野 本間 三宅 田代 岡崎 坂口 川上 桑原 永田 堀内 大川 小沢 高野`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Family names that are also the names of prefectures, cities or wards, which kuromoji tags as places
 * (general knowledge: surnames of the national rankings that name a place). Alone, such a word is a
 * person only where a person's verb follows it (長野から連絡あり, 岡山に引き継ぎ, 福岡が休み) or where it
 * stands in a list of people (CC: 上野 / 浅野 / 星野); 長野県, 長野支所 or 長野に出張 stay places.
 */
export const PLACE_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `石川 千葉 宮崎 長野 岡山 福岡 福島 秋田 山口 長崎 富山 山形 福井 香川 熊本 奈良 宮城
  広島 青森 松本 平野 中野 太田 上野 大塚 星野 浅野 小松 豊田 岡崎 松山 高松 長岡 上田
  藤沢 鎌倉 町田 日野 立川 大宮 川口 川崎 市川 熊谷 高崎 桐生 宇都宮 清水 沼田 大垣 一宮
  桑名 大津 草津 宇治 明石 西宮 茨木 福山 佐賀 八代 別府 郡山 米沢 鶴岡 品川 渋谷 目黒
  板橋 足立 荒川 大田 豊島 北村 小田原 平塚 秦野 三浦 川越 柏 船橋 成田 佐倉 古河 結城
  足利 佐野 小山 那須 富岡 三島`
    .split(/\s+/)
    .filter(Boolean),
);
