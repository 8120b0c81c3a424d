<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="ja">
<context>
    <name>CallStaffCard</name>
    <message>
        <source>係員に 知らせました。</source>
        <translation>係の 人に 知らせました。</translation>
    </message>
    <message>
        <source>このまま 少し お待ちください。</source>
        <translation>このまま 少し 待って ください。</translation>
    </message>
    <message>
        <source>係員を 呼んでいます。</source>
        <translation>係の 人を よんで います。</translation>
    </message>
    <message>
        <source>係員に 知らせを 送っています。</source>
        <translation>係の 人に 知らせを 送って います。</translation>
    </message>
    <message>
        <source>知らせを 送れませんでした。
受付の 係員に 手を あげて お知らせ ください。</source>
        <translation>知らせを 送る ことが できませんでした。
受付の 係の 人に 手を あげて ください。</translation>
    </message>
    <message>
        <source>受付の 係員に 手を あげて お知らせ ください。</source>
        <translation>受付の 係の 人に 手を あげて ください。</translation>
    </message>
    <message>
        <source>画面は そのままで だいじょうぶです。</source>
        <translation>画面は その ままで だいじょうぶです。</translation>
    </message>
    <message>
        <source>画面に もどる</source>
        <translation>がめんに もどる</translation>
    </message>
</context>
<context>
    <name>CardBar</name>
    <message>
        <source>◀ とじる</source>
        <translation>◀ とじる</translation>
    </message>
    <message>
        <source>この 画面を とじる</source>
        <translation>この 画面を とじる</translation>
    </message>
    <message>
        <source>この 画面を よみあげる</source>
        <translation>この 画面を よみあげる</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>かかりを よぶ</translation>
    </message>
    <message>
        <source>とめる</source>
        <translation>とめる</translation>
    </message>
    <message>
        <source>よみあげ</source>
        <translation>よみあげ</translation>
    </message>
</context>
<context>
    <name>CardCheck</name>
    <message>
        <source>電子証明書の 有効期限: {0}（あと {1}日）</source>
        <translation>電子証明書は {0}まで 使えます（あと {1}日）。</translation>
    </message>
    <message>
        <source>電子証明書が 3か月以内に 切れます: {0}（あと {1}日）</source>
        <translation>電子証明書は もうすぐ 切れます。{0}までです（あと {1}日）。</translation>
    </message>
    <message>
        <source>電子証明書は きょう {0}まで 使えます。</source>
        <translation>電子証明書は きょう {0}までです。</translation>
    </message>
    <message>
        <source>電子証明書の 有効期限が 切れています: {0}</source>
        <translation>電子証明書は 切れて います。{0}まででした。</translation>
    </message>
    <message>
        <source>期限の 3か月前から、市役所の 窓口で 更新できます。</source>
        <translation>切れる 3か月 前から、市役所の まどぐちで 新しく できます。</translation>
    </message>
    <message>
        <source>市役所の 窓口で 更新できます。お金は かかりません。</source>
        <translation>市役所の まどぐちで 新しく できます。お金は いりません。</translation>
    </message>
    <message>
        <source>市役所の 窓口で 更新して ください。お金は かかりません。</source>
        <translation>市役所の まどぐちで 新しく して ください。お金は いりません。</translation>
    </message>
    <message>
        <source>マイナ保険証は、切れてから 3か月 たつと 使えなく なります。</source>
        <translation>切れて 3か月 たつと、病院で カードが 使えなく なります。</translation>
    </message>
    <message>
        <source>利用者証明用の 暗証番号（数字 4けた）</source>
        <translation>4けたの 暗証番号（利用者証明用）</translation>
    </message>
    <message>
        <source>署名用の 暗証番号（英字と 数字 6〜16文字）</source>
        <translation>英字と 数字の 暗証番号（署名用）</translation>
    </message>
    <message>
        <source>券面事項入力補助用の 暗証番号（数字 4けた）</source>
        <translation>4けたの 暗証番号（券面事項入力補助用）</translation>
    </message>
    <message>
        <source>使えます。あと {0}回 ためせます。</source>
        <translation>使えます。あと {0}かい ためせます。</translation>
    </message>
    <message>
        <source>あと 1回です。ためさないで、市役所の 窓口へ。</source>
        <translation>あと 1かいです。ためさないで ください。市役所の まどぐちへ 行きます。</translation>
    </message>
    <message>
        <source>ロック されています。市役所の 窓口で 解除します。</source>
        <translation>ロックが かかって います。市役所の まどぐちで 直せます。</translation>
    </message>
    <message>
        <source>もう片方の 暗証番号が わかれば、コンビニでも 直せます。</source>
        <translation>もう 1つの 暗証番号を おぼえて いれば、コンビニでも 直せます。</translation>
    </message>
    <message>
        <source>マイナンバーカードの 確認</source>
        <translation>マイナンバーカードを 調べました</translation>
    </message>
    <message>
        <source>調べた日: {0}</source>
        <translation>調べた 日: {0}</translation>
    </message>
    <message>
        <source>することは ありません。</source>
        <translation>する ことは ありません。</translation>
    </message>
    <message>
        <source>すること</source>
        <translation>する こと</translation>
    </message>
    <message>
        <source>暗証番号の ロックの 解除: マイナンバーカードを 持って、市役所の 窓口へ。</source>
        <translation>暗証番号の ロックを 直す: カードを 持って、市役所の まどぐちへ 行きます。</translation>
    </message>
    <message>
        <source>暗証番号が わからない ときは、ためさないで、市役所の 窓口へ。</source>
        <translation>暗証番号が わからない ときは、ためさないで ください。市役所の まどぐちへ 行きます。</translation>
    </message>
    <message>
        <source>電子証明書の 更新: マイナンバーカードを 持って、市役所の 窓口へ。</source>
        <translation>電子証明書を 新しく する: カードを 持って、市役所の まどぐちへ 行きます。</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。</source>
        <translation>暗証番号は だれにも 教えないで ください。</translation>
    </message>
    <message>
        <source>お問い合わせ: {0}</source>
        <translation>きく ところ: {0}</translation>
    </message>
    <message>
        <source>受付: {0}</source>
        <translation>あいて いる 時間: {0}</translation>
    </message>
</context>
<context>
    <name>CardCheckScreen</name>
    <message>
        <source>マイナンバーカードを 読み取り機の 上に のせて ください。</source>
        <translation>マイナンバーカードを 読み取る きかいの 上に おいて ください。</translation>
    </message>
    <message>
        <source>もう一度 読み取る</source>
        <translation>もう いちど よむ</translation>
    </message>
    <message>
        <source>更新の しかた</source>
        <translation>あたらしく する ほうほう</translation>
    </message>
    <message>
        <source>暗証番号の 直し方</source>
        <translation>ばんごうを なおす</translation>
    </message>
    <message>
        <source>紙に 印刷する</source>
        <translation>かみに だす</translation>
    </message>
    <message>
        <source>暗証番号は いりません。お名前や 住所、マイナンバーは 読みません。</source>
        <translation>暗証番号は いりません。名前・住所・マイナンバーは 読みません。</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>はじめに もどる</translation>
    </message>
    <message>
        <source>カードを 調べる</source>
        <translation>カードを 調べる</translation>
    </message>
    <message>
        <source>読み取りには 数秒 かかります。終わるまで カードを 動かさないで ください。</source>
        <translation>少し 時間が かかります。終わるまで カードを うごかさないで ください。</translation>
    </message>
    <message>
        <source>読み取り機が つながって いません。係員に お声がけ ください。</source>
        <translation>読み取る きかいが つながって いません。係の 人を よんで ください。</translation>
    </message>
    <message>
        <source>カードが 見つかりませんでした。カードを のせてから 「もう一度 読み取る」を おして ください。</source>
        <translation>カードが ありませんでした。カードを おいてから 「もう一度 読む」を おして ください。</translation>
    </message>
    <message>
        <source>マイナンバーカードでは ないようです。マイナンバーカードを のせて ください。</source>
        <translation>マイナンバーカードでは ない ようです。マイナンバーカードを おいて ください。</translation>
    </message>
    <message>
        <source>カードが はなれました。もう一度 ゆっくり のせて、動かさないで ください。</source>
        <translation>カードが はなれました。もう一度 ゆっくり おいて、うごかさないで ください。</translation>
    </message>
    <message>
        <source>うまく 読めませんでした。ケースから 出して、もう一度 ゆっくり のせて ください。</source>
        <translation>うまく 読めませんでした。ケースから 出して、もう一度 ゆっくり おいて ください。</translation>
    </message>
</context>
<context>
    <name>ConfirmCard</name>
    <message>
        <source>やめる</source>
        <translation>やめる</translation>
    </message>
    <message>
        <source>キオスクを 終了しますか？</source>
        <translation>キオスクを 終わりに しますか？</translation>
    </message>
    <message>
        <source>この 画面が 閉じて、相談に 来た 方は 使えなく なります。
続けるときは「やめる」を 押します。</source>
        <translation>この 画面が 閉じます。相談に 来た 人は 使えなく なります。
続けるときは「やめる」を 押します。</translation>
    </message>
    <message>
        <source>はい、終了します</source>
        <translation>はい、終わりに します</translation>
    </message>
    <message>
        <source>災害モードに しますか？</source>
        <translation>災害モードに しますか？</translation>
    </message>
    <message>
        <source>はじめの 画面が 避難所の ご案内に 変わります。
あとで ふだんの モードに 戻せます。</source>
        <translation>はじめの 画面が 避難所の 案内に 変わります。
あとで ふだんの モードに 戻せます。</translation>
    </message>
    <message>
        <source>はい、災害モードに します</source>
        <translation>はい、災害モードに します</translation>
    </message>
    <message>
        <source>ふだんの モードに 戻しますか？</source>
        <translation>ふだんの モードに 戻しますか？</translation>
    </message>
    <message>
        <source>はじめの 画面が ふだんの 相談室に 戻ります。
避難所の ご案内は 消えます。</source>
        <translation>はじめの 画面が いつもの 相談室に 戻ります。
避難所の 案内は 消えます。</translation>
    </message>
    <message>
        <source>はい、ふだんに 戻します</source>
        <translation>はい、ふだんに 戻します</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>うらに りんごの マーク</source>
        <translation>うらに りんごの マーク</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>画面の 下に 小さな 印が ある</source>
        <translation>画面の 下に 小さな しるしが ある</translation>
    </message>
    <message>
        <source>らくらくスマホ</source>
        <translation>らくらくスマホ</translation>
    </message>
    <message>
        <source>大きな ボタンの 画面</source>
        <translation>大きな ボタンの 画面</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>わからない</translation>
    </message>
    <message>
        <source>どれでも 使える 説明</source>
        <translation>どれでも 使える せつめい</translation>
    </message>
    <message>
        <source>わたしの スマホは どれ？</source>
        <translation>わたしの スマホは どれ？</translation>
    </message>
    <message>
        <source>スマホに よって 画面が ちがいます。近い ものを 押して ください。</source>
        <translation>スマホで 画面が ちがいます。にて いる ものを おして ください。</translation>
    </message>
</context>
<context>
    <name>DisasterBanner</name>
    <message>
        <source>災害モード：避難所の ご案内を しています</source>
        <translation>災害モード：避難所の あんないを して います</translation>
    </message>
</context>
<context>
    <name>DisasterHome</name>
    <message>
        <source>つながる</source>
        <translation>つながる</translation>
    </message>
    <message>
        <source>無料の Wi-Fi「00000JAPAN」、電池の 節約、緊急速報</source>
        <translation>ただの Wi-Fi「00000JAPAN」、電池の 節約、災害の 知らせ</translation>
    </message>
    <message>
        <source>安否を 伝える・確かめる</source>
        <translation>ぶじの 連絡</translation>
    </message>
    <message>
        <source>災害用伝言ダイヤル 171 と web171</source>
        <translation>災害の 伝言ダイヤル 171 と web171</translation>
    </message>
    <message>
        <source>罹災証明書</source>
        <translation>罹災証明書</translation>
    </message>
    <message>
        <source>片づける 前の 写真、スマホでの 申請</source>
        <translation>かたづける 前の 写真、スマホで 申しこむ</translation>
    </message>
    <message>
        <source>市の 災害情報</source>
        <translation>市の 災害の しらせ</translation>
    </message>
    <message>
        <source>避難所や 給水の お知らせを スマホで 見る</source>
        <translation>避難所や 水の しらせを スマホで 見る</translation>
    </message>
</context>
<context>
    <name>DisasterHomeScreen</name>
    <message>
        <source>災害の ときの ご案内です。知りたい ことを 押して ください。</source>
        <translation>災害の ときの あんないです。知りたい ことを おして ください。</translation>
    </message>
    <message>
        <source>ふだんの メニュー・文字の 大きさ・ことば</source>
        <translation>いつもの メニュー・文字の 大きさ・ことば</translation>
    </message>
    <message>
        <source>この 避難所の Wi-Fi に つなぐ QRコード</source>
        <translation>この 避難所の Wi-Fi に つなぐ QRコード</translation>
    </message>
    <message>
        <source>この 避難所の Wi-Fi: {0}</source>
        <translation>この 避難所の Wi-Fi: {0}</translation>
    </message>
    <message>
        <source>パスワード: {0}</source>
        <translation>パスワード: {0}</translation>
    </message>
    <message>
        <source>パスワードは いりません。</source>
        <translation>パスワードは いりません。</translation>
    </message>
    <message>
        <source>スマホの カメラで 右の QRコードを 読むと つながります。</source>
        <translation>スマホの カメラで 右の QRコードを 読むと、つながります。</translation>
    </message>
    <message>
        <source>災害モード</source>
        <translation>災害モード</translation>
    </message>
</context>
<context>
    <name>DisasterMode</name>
    <message>
        <source>保存できませんでした。再起動すると 元に 戻ります。</source>
        <translation>保存 できませんでした。再起動すると もとに もどります。</translation>
    </message>
</context>
<context>
    <name>DoubleTapExercise</name>
    <message>
        <source>トン、トンと 短く 2回 さわります。</source>
        <translation>トン、トンと 短く 2回 さわります。</translation>
    </message>
    <message>
        <source>いいですね。写真が 大きく なりました。</source>
        <translation>いいですね。写真が 大きく なりました。</translation>
    </message>
    <message>
        <source>いいですね。もとに もどりました。</source>
        <translation>いいですね。もとに もどりました。</translation>
    </message>
    <message>
        <source>1回 でした。すぐに つづけて、もう1回 さわります。</source>
        <translation>1回 でした。すぐに つづけて、もう1回 さわります。</translation>
    </message>
</context>
<context>
    <name>DragExercise</name>
    <message>
        <source>りんごに 指を のせてから 動かします。</source>
        <translation>りんごに 指を のせてから 動かします。</translation>
    </message>
    <message>
        <source>いいですね。かごに 入りました。</source>
        <translation>いいですね。かごに 入りました。</translation>
    </message>
    <message>
        <source>かごの 中まで 運んでから、指を はなします。</source>
        <translation>かごの 中まで 動かします。それから 指を はなします。</translation>
    </message>
</context>
<context>
    <name>ExerciseArea</name>
    <message>
        <source>いいですね。</source>
        <translation>いいですね。</translation>
    </message>
    <message>
        <source>じょうずです。</source>
        <translation>じょうずです。</translation>
    </message>
    <message>
        <source>その ちょうしです。</source>
        <translation>とても いいです。</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>きょう できるように なったこと</source>
        <translation>きょう できるように なった こと</translation>
    </message>
    <message>
        <source>もう一度 見る</source>
        <translation>もう いちど みる</translation>
    </message>
    <message>
        <source>この手順を 印刷する</source>
        <translation>この てじゅんを かみに だす</translation>
    </message>
    <message>
        <source>ほかの レッスン</source>
        <translation>ほかも みる</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>はじめに もどる</translation>
    </message>
    <message>
        <source>スマホで 手続きへ すすむ</source>
        <translation>スマホで てつづきへ すすむ</translation>
    </message>
    <message>
        <source>講座を すべて 終えました。修了の 紙を 印刷する</source>
        <translation>講座が ぜんぶ おわりました。修了の 紙を 印刷する</translation>
    </message>
    <message>
        <source>おつかれさまでした。</source>
        <translation>おつかれさまでした。</translation>
    </message>
</context>
<context>
    <name>FlickExercise</name>
    <message>
        <source>濁点・小さい文字</source>
        <translation>てんてん・まる・小さい 文字</translation>
    </message>
    <message>
        <source>変換</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>変換: {0}</source>
        <translation>変換: {0}</translation>
    </message>
    <message>
        <source>そのまま トンと</source>
        <translation>そのまま トンと さわります</translation>
    </message>
    <message>
        <source>左へ</source>
        <translation>左へ すべらせます</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>上へ すべらせます</translation>
    </message>
    <message>
        <source>右へ</source>
        <translation>右へ すべらせます</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>下へ すべらせます</translation>
    </message>
    <message>
        <source>「{0}」は「{1}」の キーを {2} です。「消す」で もどせます。</source>
        <translation>「{0}」は「{1}」の キーを {2}。「けす」で もどせます。</translation>
    </message>
    <message>
        <source>「{0}」は 大きい 文字を 打ってから「{1}」を 押します。</source>
        <translation>「{0}」は、まず もとの 文字を 打ちます。次に「{1}」を おします。</translation>
    </message>
</context>
<context>
    <name>GlossaryCard</name>
    <message>
        <source>わかりました</source>
        <translation>わかりました</translation>
    </message>
</context>
<context>
    <name>HandoffScreen</name>
    <message>
        <source>暗証番号: 数字 4けた</source>
        <translation>暗証番号: 数字 4けた</translation>
    </message>
    <message>
        <source>暗証番号: 英数字 6〜16けた</source>
        <translation>暗証番号: ABCの 文字と 数字 6〜16けた</translation>
    </message>
    <message>
        <source>暗証番号は いりません</source>
        <translation>暗証番号は いりません</translation>
    </message>
    <message>
        <source>{0}回 まちがえると ロックされます。</source>
        <translation>{0}回 まちがえると、ロックが かかります。</translation>
    </message>
    <message>
        <source>ロックは 市役所の 窓口で 直せます。</source>
        <translation>ロックは 市役所の まどぐちで 直せます。</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。
係員にも 見せないでください。</source>
        <translation>暗証番号は だれにも 教えないで ください。
係の 人にも 見せないで ください。</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>やること</translation>
    </message>
    <message>
        <source>つづきから 番号</source>
        <translation>つづきから の 番号</translation>
    </message>
    <message>
        <source>メモして おくと、はじめの 画面の「つづきから」で 同じ 説明を もう一度 見られます。</source>
        <translation>この 番号を 紙に 書いて おきましょう。はじめの 画面で「つづきから」を おして 番号を 入れると、同じ 説明が また 見られます。</translation>
    </message>
    <message>
        <source>持ち物</source>
        <translation>持って いく もの</translation>
    </message>
    <message>
        <source>スマホで 読み取って ください</source>
        <translation>スマホで 読みとって ください</translation>
    </message>
    <message>
        <source>印刷しています…</source>
        <translation>紙を 出して います…</translation>
    </message>
    <message>
        <source>印刷する</source>
        <translation>紙に 出す</translation>
    </message>
</context>
<context>
    <name>HelpCard</name>
    <message>
        <source>だいじょうぶです。</source>
        <translation>だいじょうぶです。</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>かかりを よぶ</translation>
    </message>
    <message>
        <source>わかりました</source>
        <translation>わかりました</translation>
    </message>
</context>
<context>
    <name>Helpers</name>
    <message>
        <source>記録が 使えないため、いまは ひらけません。</source>
        <translation>きろくが 使えません。いまは ひらけません。</translation>
    </message>
    <message>
        <source>まだ 暗証番号が ありません。管理者が「kiosk pin set 名前 --role staff」で 作ります。</source>
        <translation>まだ 暗証番号が ありません。かんりする 人が「kiosk pin set 名前 --role staff」で 作ります。</translation>
    </message>
    <message>
        <source>いまは 使えません。{0} に もう一度 ためして ください。</source>
        <translation>いまは 使えません。{0} に なったら、もう一度 ためして ください。</translation>
    </message>
    <message>
        <source>番号が ちがいます。あと {0} 回 まちがえると、しばらく 使えなくなります。</source>
        <translation>番号が ちがいます。あと {0} 回 まちがえると、しばらく 使えなく なります。</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>デジタル何でも相談室</source>
        <translation>デジタルなんでも相談室</translation>
    </message>
    <message>
        <source>スマホの使い方や、マイナンバーカードの手続きを、ひとつずつ ごあんないします。</source>
        <translation>スマホの 使い方を 教えます。マイナンバーカードの てつづきも、1つずつ 教えます。</translation>
    </message>
    <message>
        <source>画面に さわって ください</source>
        <translation>画面に さわって ください</translation>
    </message>
    <message>
        <source>ここを 指で かるく おすと はじまります</source>
        <translation>ここを 指で かるく おすと はじまります</translation>
    </message>
    <message>
        <source>つづきから</source>
        <translation>つづきから</translation>
    </message>
    <message>
        <source>紙の 番号で 前の 続きを 見る</source>
        <translation>紙の 番号で 前の つづきを 見る</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>練習する</translation>
    </message>
    <message>
        <source>タップや 文字の 入力を ためす</source>
        <translation>タップや、文字を 打つ 練習</translation>
    </message>
    <message>
        <source>こまったことから さがす</source>
        <translation>こまった ことから さがす</translation>
    </message>
    <message>
        <source>こまりごとを 絵で えらぶ</source>
        <translation>こまった ことを 絵で えらぶ</translation>
    </message>
    <message>
        <source>カードを かざして 調べる</source>
        <translation>カードを 調べる</translation>
    </message>
    <message>
        <source>電子証明書の 期限と 暗証番号</source>
        <translation>いつまで 使えるか・暗証番号</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>文字の 大きさ</translation>
    </message>
    <message>
        <source>標準</source>
        <translation>ふつう</translation>
    </message>
    <message>
        <source>大</source>
        <translation>だい</translation>
    </message>
    <message>
        <source>特大</source>
        <translation>とくだい</translation>
    </message>
    <message>
        <source>文字の大きさ: {0}</source>
        <translation>文字の 大きさ: {0}</translation>
    </message>
    <message>
        <source>見やすい色</source>
        <translation>みやすい いろ</translation>
    </message>
    <message>
        <source>見やすい色: 黒地に 黄色い文字</source>
        <translation>見やすい 色: 黒い 画面に 黄色い 文字</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>漢字に ふりがなを つける</source>
        <translation>漢字に ふりがなを つける</translation>
    </message>
    <message>
        <source>ゆっくり よむ</source>
        <translation>ゆっくり よむ</translation>
    </message>
    <message>
        <source>よみあげを ゆっくりに する</source>
        <translation>読む 声を ゆっくりに する</translation>
    </message>
    <message>
        <source>ことば: {0}</source>
        <translation>ことば: {0}</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>まだ 続けますか？</source>
        <translation>まだ つづけますか？</translation>
    </message>
    <message>
        <source>つづける</source>
        <translation>つづける</translation>
    </message>
    <message>
        <source>{0} 秒</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>のこり {0} 秒</source>
        <translation>あと {0} 秒</translation>
    </message>
    <message>
        <source>あと {0} 秒で、はじめの画面に 戻ります。
続けるときは「つづける」を おしてください。</source>
        <translation>あと {0} 秒で、はじめの 画面に もどります。
つづける ときは「つづける」を おして ください。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>デジタル何でも相談室</source>
        <translation>デジタルなんでも相談室</translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <source>日本語</source>
        <translation>やさしい にほんご</translation>
    </message>
</context>
<context>
    <name>LessonListScreen</name>
    <message>
        <source>ここには まだ レッスンが ありません。係員に お声がけ ください。</source>
        <translation>ここには まだ 見る ものが ありません。係の 人に 声を かけて ください。</translation>
    </message>
    <message>
        <source>カードを 読み取り機に のせて、期限と 暗証番号を 調べる</source>
        <translation>カードを きかいに おいて、いつまで 使えるかと 暗証番号を 調べる</translation>
    </message>
    <message>
        <source>レッスンを えらんで ください。</source>
        <translation>見たい ものを えらんで ください。</translation>
    </message>
</context>
<context>
    <name>LongPressExercise</name>
    <message>
        <source>輪が いっぱいです。指を はなして ください。</source>
        <translation>まわりの 線が つながりました。指を はなして ください。</translation>
    </message>
    <message>
        <source>まん中の 丸に 指を のせます。</source>
        <translation>まん中の 丸に 指を のせます。</translation>
    </message>
    <message>
        <source>もう少し 長く、輪が いっぱいに なるまで 待ちます。</source>
        <translation>もう少し 長く 待ちます。まわりの 線が つながったら、はなします。</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>何をしますか？ ひとつ えらんで ください。</source>
        <translation>何を しますか？ 1つ えらんで ください。</translation>
    </message>
    <message>
        <source>サポーターに なりたい 方へ</source>
        <translation>サポーターに なりたい 人へ</translation>
    </message>
    <message>
        <source>サポーター講座: 教え方や 暗証番号の 守り方を 学べます</source>
        <translation>サポーター講座: 教えかたや 暗証番号の 守りかたを 学べます</translation>
    </message>
    <message>
        <source>メニュー</source>
        <translation>メニュー</translation>
    </message>
</context>
<context>
    <name>NoSpeechCard</name>
    <message>
        <source>この ことばの 声が ありません。</source>
        <translation>この ことばの 声が ありません。</translation>
    </message>
    <message>
        <source>この ことばで 読みあげる 声が ありません。
画面の 文字を ごらんください。</source>
        <translation>この ことばで 読む 声が ありません。
画面の 文字を 見て ください。</translation>
    </message>
    <message>
        <source>よみあげは いま つかえません。</source>
        <translation>読む 声は いま 使えません。</translation>
    </message>
    <message>
        <source>この機械では 声で 読みあげることが できません。
文字を 大きくして ごらんください。</source>
        <translation>この きかいは 声で 読む ことが できません。
文字を 大きく して 見て ください。</translation>
    </message>
    <message>
        <source>画面に もどる</source>
        <translation>がめんに もどる</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>メモ（なくても かまいません）</source>
        <translation>メモ（なくても いいです）</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>メモなしで おわる</source>
        <translation>メモなしで おわる</translation>
    </message>
    <message>
        <source>メモを 記録して おわる</source>
        <translation>メモを のこして おわる</translation>
    </message>
    <message>
        <source>個人の 情報が 入っている ようです。書き直すか、メモなしで おわって ください。</source>
        <translation>名前や 番号が 入って いる ようです。書き直して ください。メモなしで おわっても いいです。</translation>
    </message>
    <message>
        <source>お名前・電話番号・マイナンバー・暗証番号は 書かないで ください。</source>
        <translation>名前・電話番号・マイナンバー・暗証番号は 書かないで ください。</translation>
    </message>
</context>
<context>
    <name>NumberPadCard</name>
    <message>
        <source>やめる</source>
        <translation>やめる</translation>
    </message>
    <message>
        <source>数字 {0}</source>
        <translation>数字 {0}</translation>
    </message>
    <message>
        <source>消す</source>
        <translation>けす</translation>
    </message>
    <message>
        <source>1つ 消す</source>
        <translation>1つ 消す</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <source>説明の絵</source>
        <translation>せつめいの 絵</translation>
    </message>
    <message>
        <source>（絵は ありません）</source>
        <translation>（絵は ありません）</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>係員・サポーター</source>
        <translation>係員・サポーター</translation>
    </message>
    <message>
        <source>ひらく</source>
        <translation>ひらく</translation>
    </message>
    <message>
        <source>暗証番号を 入れて、「ひらく」を 押して ください。</source>
        <translation>暗証番号を 入れて、「ひらく」を おして ください。</translation>
    </message>
    <message>
        <source>{0} けた 入れました</source>
        <translation>{0} けた 入れました</translation>
    </message>
</context>
<context>
    <name>PinchExercise</name>
    <message>
        <source>2本の 指で さわります。むずかしい ときは ＋ と － を 使います。</source>
        <translation>2本の 指で さわります。むずかしい ときは ＋ と － を 使います。</translation>
    </message>
    <message>
        <source>いいですね。大きく なりました。つぎは 小さく します。</source>
        <translation>いいですね。大きく なりました。つぎは 小さく します。</translation>
    </message>
    <message>
        <source>いいですね。もとの 大きさに もどりました。</source>
        <translation>いいですね。もとの 大きさに もどりました。</translation>
    </message>
    <message>
        <source>もう少し 指を 広げます。</source>
        <translation>もう少し 指を 広げます。</translation>
    </message>
    <message>
        <source>もう少し 指を 近づけます。</source>
        <translation>もう少し 指を 近づけます。</translation>
    </message>
</context>
<context>
    <name>PlayerScreen</name>
    <message>
        <source>お使いのスマホ</source>
        <translation>あなたの スマホ</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>アイフォーン</source>
        <translation>アイフォーン</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>アンドロイド</source>
        <translation>アンドロイド</translation>
    </message>
    <message>
        <source>らくらくスマホ</source>
        <translation>らくらくスマホ</translation>
    </message>
    <message>
        <source>らくらくスマートフォン</source>
        <translation>らくらくスマートフォン</translation>
    </message>
    <message>
        <source>◀ 戻る</source>
        <translation>◀ もどる</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>わからない</translation>
    </message>
    <message>
        <source>だいじょうぶです。</source>
        <translation>だいじょうぶです。</translation>
    </message>
    <message>
        <source>次へ ▶</source>
        <translation>つぎへ ▶</translation>
    </message>
    <message>
        <source>手順 {0} / {1}</source>
        <translation>てじゅん {0} / {1}</translation>
    </message>
    <message>
        <source>{1} のうち {0} 番目の手順</source>
        <translation>{1} の うち {0} 番目の てじゅん</translation>
    </message>
    <message>
        <source>サポーターの コツ: {0}</source>
        <translation>サポーターの コツ: {0}</translation>
    </message>
    <message>
        <source>おわる ▶</source>
        <translation>おわる ▶</translation>
    </message>
    <message>
        <source>「{0}」とは？</source>
        <translation>「{0}」って なに？</translation>
    </message>
    <message>
        <source>{0} の 意味</source>
        <translation>{0} の いみ</translation>
    </message>
</context>
<context>
    <name>PracticeMenuScreen</name>
    <message>
        <source>はじめての 練習コース</source>
        <translation>はじめての 練習</translation>
    </message>
    <message>
        <source>タップ → 長押し → スワイプ → フリック入力</source>
        <translation>タップ → ながおし → スワイプ → フリック入力</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>練習する</translation>
    </message>
</context>
<context>
    <name>PracticeScreen</name>
    <message>
        <source>お手本を 見る</source>
        <translation>おてほんを みる</translation>
    </message>
    <message>
        <source>大きくする</source>
        <translation>大きく する</translation>
    </message>
    <message>
        <source>小さくする</source>
        <translation>小さく する</translation>
    </message>
    <message>
        <source>次の 練習へ</source>
        <translation>次の 練習へ</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>練習する</translation>
    </message>
    <message>
        <source>{0} 回 できました（{1} 回 中）</source>
        <translation>{1} 回の うち {0} 回 できました</translation>
    </message>
    <message>
        <source>できました。次の 練習へ すすみましょう。</source>
        <translation>できました。次の 練習へ すすみましょう。</translation>
    </message>
    <message>
        <source>できました。よく がんばりました。</source>
        <translation>できました。よく がんばりました。</translation>
    </message>
    <message>
        <source>おわる</source>
        <translation>おわる</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>印刷しています。少し お待ちください。</source>
        <translation>紙を 出して います。少し 待って ください。</translation>
    </message>
    <message>
        <source>印刷しました。紙を お取りください。</source>
        <translation>紙が 出ました。紙を とって ください。</translation>
    </message>
    <message>
        <source>印刷できませんでした。係員に 声を かけて ください。</source>
        <translation>印刷できませんでした。係（かかり）の 人に 声を かけて ください。</translation>
    </message>
    <message>
        <source>印刷できませんでした。画面の QRコードを スマホで 読み取って ください。</source>
        <translation>紙が 出ませんでした。画面の QRコードを スマホで 読みとって ください。</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>手続きの ページの QRコード</source>
        <translation>てつづきの ページの QRコード</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>年代は？</source>
        <translation>なんさいですか？</translation>
    </message>
    <message>
        <source>59さい まで</source>
        <translation>59さい まで</translation>
    </message>
    <message>
        <source>60代</source>
        <translation>60代</translation>
    </message>
    <message>
        <source>70代</source>
        <translation>70代</translation>
    </message>
    <message>
        <source>80さい から</source>
        <translation>80さい から</translation>
    </message>
    <message>
        <source>答えない</source>
        <translation>答えない</translation>
    </message>
    <message>
        <source>お持ちの 電話は？</source>
        <translation>あなたの 電話は？</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>らくらくスマホ</source>
        <translation>らくらくスマホ</translation>
    </message>
    <message>
        <source>ガラケー</source>
        <translation>ボタンの 電話</translation>
    </message>
    <message>
        <source>持っていない</source>
        <translation>持って いない</translation>
    </message>
    <message>
        <source>ご相談は？</source>
        <translation>何の 相談ですか？</translation>
    </message>
    <message>
        <source>スマホの 基本</source>
        <translation>スマホの きほん</translation>
    </message>
    <message>
        <source>マイナンバー</source>
        <translation>マイナンバー</translation>
    </message>
    <message>
        <source>練習</source>
        <translation>練習</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>そのほか</translation>
    </message>
    <message>
        <source>ことばは？</source>
        <translation>ことばは？</translation>
    </message>
    <message>
        <source>日本語</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>やさしい 日本語</source>
        <translation>やさしい 日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>どう なりましたか？</source>
        <translation>どう なりましたか？</translation>
    </message>
    <message>
        <source>解決した</source>
        <translation>できた</translation>
    </message>
    <message>
        <source>続きは 次回</source>
        <translation>つづきは 次回</translation>
    </message>
    <message>
        <source>市の 窓口へ 案内</source>
        <translation>市の まどぐちへ</translation>
    </message>
    <message>
        <source>携帯ショップへ 案内</source>
        <translation>スマホの 店へ</translation>
    </message>
    <message>
        <source>ほかの 窓口へ 案内</source>
        <translation>ほかの まどぐちへ</translation>
    </message>
    <message>
        <source>あとで 連絡や 確認が いりますか？</source>
        <translation>あとで れんらくや たしかめる ことが いりますか？</translation>
    </message>
    <message>
        <source>いる</source>
        <translation>いる</translation>
    </message>
    <message>
        <source>いらない</source>
        <translation>いらない</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>やめる</translation>
    </message>
    <message>
        <source>相談の はじめに</source>
        <translation>相談の はじめに</translation>
    </message>
    <message>
        <source>相談の おわりに</source>
        <translation>相談の おわりに</translation>
    </message>
</context>
<context>
    <name>QwertyExercise</name>
    <message>
        <source>のばす 記号</source>
        <translation>のばす ぼう</translation>
    </message>
    <message>
        <source>ローマ字: {0}</source>
        <translation>ローマ字: {0}</translation>
    </message>
</context>
<context>
    <name>RecordsInfoCard</name>
    <message>
        <source>きろくについて</source>
        <translation>きろくに ついて</translation>
    </message>
    <message>
        <source>相談室の お手伝いを よくするために、
見たレッスン、「わからない」を おした ところ、
係員を 呼んだことを 記録します。
カードを 調べたときは、期限が 近いか、暗証番号が ロックされて いるか だけを 記録します。
カードの お名前・住所・生年月日・マイナンバー・顔写真は 読みません。
お名前・住所・電話番号・マイナンバー・暗証番号は 記録しません。
記録は 決められた 期間が すぎると 消します。</source>
        <translation>相談室を もっと よく する ために、
見た せつめい、「わからない」を おした ところ、
係の 人を よんだ ことを きろく します。
カードを 調べた ときは、もうすぐ 切れるか、暗証番号に ロックが かかって いるか だけを きろく します。
カードの 名前・住所・生まれた 日・マイナンバー・顔の 写真は 読みません。
名前・住所・電話番号・マイナンバー・暗証番号は きろく しません。
きろくは、決まった 日数が すぎたら 消します。</translation>
    </message>
    <message>
        <source>とじる</source>
        <translation>とじる</translation>
    </message>
</context>
<context>
    <name>ResumePad</name>
    <message>
        <source>つづきから</source>
        <translation>つづきから</translation>
    </message>
    <message>
        <source>番号が 見つかりません。
紙の 番号を もう一度 見て ください。</source>
        <translation>番号が 見つかりません。
紙の 番号を もう一度 よく 見て ください。</translation>
    </message>
    <message>
        <source>紙に ある 6けたの 番号を 入れて ください。</source>
        <translation>紙に ある 6けたの 番号を 入れて ください。</translation>
    </message>
    <message>
        <source>入れた 番号: {0}</source>
        <translation>入れた 番号: {0}</translation>
    </message>
    <message>
        <source>まだ 入れていません</source>
        <translation>まだ 入れて いません</translation>
    </message>
</context>
<context>
    <name>ScrollPage</name>
    <message>
        <source>▲
上へ</source>
        <translation>▲
うえへ</translation>
    </message>
    <message>
        <source>下へ
▼</source>
        <translation>したへ
▼</translation>
    </message>
    <message>
        <source>上へ もどす</source>
        <translation>うえへ もどる</translation>
    </message>
    <message>
        <source>下の つづきを 見る</source>
        <translation>したの つづきを 見る</translation>
    </message>
</context>
<context>
    <name>SelfCheckScreen</name>
    <message>
        <source>確かめ問題です。あてはまる ものを ひとつ えらんで ください。</source>
        <translation>たしかめの 問題です。ひとつ えらんで ください。</translation>
    </message>
    <message>
        <source>確かめ問題</source>
        <translation>たしかめの 問題</translation>
    </message>
    <message>
        <source>確かめ問題 {0} / {1}</source>
        <translation>たしかめの 問題 {0} / {1}</translation>
    </message>
    <message>
        <source>◯ そのとおりです。</source>
        <translation>◯ そのとおりです。</translation>
    </message>
    <message>
        <source>正しい 答えは「{0}」です。</source>
        <translation>正しい こたえは「{0}」です。</translation>
    </message>
    <message>
        <source>おわる</source>
        <translation>おわる</translation>
    </message>
    <message>
        <source>次の 問題へ</source>
        <translation>つぎの 問題へ</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>いる暗証番号: 数字 4けた（利用者証明用）</source>
        <translation>いる 暗証番号: 数字 4けた（利用者証明用）</translation>
    </message>
    <message>
        <source>いる暗証番号: 英数字 6〜16けた（署名用）</source>
        <translation>いる 暗証番号: ABCの 文字と 数字 6〜16けた（署名用）</translation>
    </message>
    <message>
        <source>暗証番号は いりません。</source>
        <translation>暗証番号は いりません。</translation>
    </message>
    <message>
        <source>{0}回 まちがえると ロックされます。</source>
        <translation>{0}回 まちがえると、ロックが かかります。</translation>
    </message>
    <message>
        <source>ロックされたら、カードを 持って 市役所の 窓口へ 行きます。</source>
        <translation>ロックが かかったら、カードを 持って 市役所の まどぐちへ 行きます。</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。</source>
        <translation>暗証番号は だれにも 教えないで ください。</translation>
    </message>
    <message>
        <source>スマホの カメラで 読み取ってください</source>
        <translation>スマホの カメラで 読みとって ください</translation>
    </message>
    <message>
        <source>暗証番号について</source>
        <translation>暗証番号の こと</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>てじゅん</translation>
    </message>
    <message>
        <source>持ち物</source>
        <translation>持って いく もの</translation>
    </message>
    <message>
        <source>サポーター講座 修了</source>
        <translation>サポーター講座 修了</translation>
    </message>
    <message>
        <source>サポーター講座の 全 {0} レッスンと 確かめ問題を すべて 終えました。</source>
        <translation>サポーター講座の {0}この レッスンと たしかめ問題が ぜんぶ おわりました。</translation>
    </message>
    <message>
        <source>学んだ こと</source>
        <translation>学んだ こと</translation>
    </message>
    <message>
        <source>お名前（ご自分で 書いて ください）</source>
        <translation>なまえ（自分で 書いて ください）</translation>
    </message>
    <message>
        <source>地域の みなさんの 力に なって いただき、ありがとうございます。</source>
        <translation>地域の みなさんを 手伝って くれて、ありがとうございます。</translation>
    </message>
    <message>
        <source>お問い合わせ: {0}</source>
        <translation>れんらくさき: {0}</translation>
    </message>
    <message>
        <source>おうちで もう一度 ためす ための 手順です。</source>
        <translation>家で もう一度 ためす ための 手順です。</translation>
    </message>
    <message>
        <source>受付: {0}</source>
        <translation>あいて いる 時間: {0}</translation>
    </message>
    <message>
        <source>つづきから 番号: {0}</source>
        <translation>「つづきから」の 番号: {0}</translation>
    </message>
    <message>
        <source>相談室の 画面で「つづきから」を おして、この 番号を 入れると、同じ 説明を もう一度 見られます。</source>
        <translation>相談室の 画面で「つづきから」を おします。この 番号を 入れます。同じ せつめいを もう一度 見る ことが できます。</translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message>
        <source>対応しました</source>
        <translation>対応しました</translation>
    </message>
    <message>
        <source>よびだし中：係員を 呼んでいます（{0} から）</source>
        <translation>よびだし中：係の 人を よんで います（{0} から）</translation>
    </message>
</context>
<context>
    <name>StaffDesk</name>
    <message>
        <source>{0} の 新しい 暗証番号を 入れて ください。</source>
        <translation>{0} の 新しい 暗証番号を 入れて ください。</translation>
    </message>
    <message>
        <source>確かめます。もう一度 入れて ください。</source>
        <translation>たしかめます。もう一度 入れて ください。</translation>
    </message>
    <message>
        <source>2回の 番号が ちがいました。はじめから 入れて ください。</source>
        <translation>1回目と 2回目の 番号が ちがいます。はじめから 入れて ください。</translation>
    </message>
    <message>
        <source>{0} の 暗証番号を 設定しました。</source>
        <translation>{0} の 暗証番号を 決めました。</translation>
    </message>
    <message>
        <source>変わった ところは ありません。</source>
        <translation>かわった ところは ありません。</translation>
    </message>
    <message>
        <source>この 画面からは 保存できません。</source>
        <translation>この 画面では 保存 できません。</translation>
    </message>
    <message>
        <source>保存できませんでした。値を 確かめて ください。
{0}</source>
        <translation>保存 できませんでした。入れた ものを たしかめて ください。
{0}</translation>
    </message>
    <message>
        <source>保存しました。</source>
        <translation>保存 しました。</translation>
    </message>
</context>
<context>
    <name>StepListCard</name>
    <message>
        <source>手順の 一覧</source>
        <translation>ぜんぶの てじゅん</translation>
    </message>
    <message>
        <source>とじる</source>
        <translation>とじる</translation>
    </message>
    <message>
        <source>いまは 手順 {0} です。</source>
        <translation>いまは てじゅん {0} です。</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>{0}を 減らす</source>
        <translation>{0}を へらす</translation>
    </message>
    <message>
        <source>{0}を 増やす</source>
        <translation>{0}を ふやす</translation>
    </message>
</context>
<context>
    <name>SwipeExercise</name>
    <message>
        <source>左</source>
        <translation>左</translation>
    </message>
    <message>
        <source>右</source>
        <translation>右</translation>
    </message>
    <message>
        <source>上</source>
        <translation>上</translation>
    </message>
    <message>
        <source>下</source>
        <translation>下</translation>
    </message>
    <message>
        <source>もう少し 長く、指を つけたまま 動かします。</source>
        <translation>もう少し 長く、指を つけたまま 動かします。</translation>
    </message>
    <message>
        <source>{0}へ 動かします。矢印の 向きです。</source>
        <translation>{0}へ 動かします。やじるしの 向きです。</translation>
    </message>
    <message>
        <source>写真 {0}</source>
        <translation>写真 {0}</translation>
    </message>
</context>
<context>
    <name>TapExercise</name>
    <message>
        <source>指を のせたままに なりました。トンと すぐ はなします。</source>
        <translation>指を のせたままに なりました。トンと すぐ はなします。</translation>
    </message>
    <message>
        <source>指を 動かさずに、その場で トンと さわります。</source>
        <translation>指を 動かさないで、その場で トンと さわります。</translation>
    </message>
    <message>
        <source>オレンジの 丸の 中を さわって みましょう。</source>
        <translation>オレンジ色の 丸の 中を さわって みましょう。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>◀ 戻る</source>
        <translation>◀ もどる</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>はじめに もどる</translation>
    </message>
    <message>
        <source>きろくについて</source>
        <translation>きろくに ついて</translation>
    </message>
    <message>
        <source>画面を よみあげる</source>
        <translation>画面を よみあげる</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>かかりを よぶ</translation>
    </message>
    <message>
        <source>とめる</source>
        <translation>とめる</translation>
    </message>
    <message>
        <source>よみあげ</source>
        <translation>よみあげ</translation>
    </message>
</context>
<context>
    <name>TroubleCard</name>
    <message>
        <source>説明を 見る</source>
        <translation>せつめいを みる</translation>
    </message>
    <message>
        <source>スマホで 手続きへ</source>
        <translation>スマホで てつづきへ</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>かかりを よぶ</translation>
    </message>
    <message>
        <source>ほかの こまりごと</source>
        <translation>ほかの こまった こと</translation>
    </message>
</context>
<context>
    <name>TroublesScreen</name>
    <message>
        <source>こまって いる ことに 近い ものを 押して ください。</source>
        <translation>こまって いる ことに にて いる ものを おして ください。</translation>
    </message>
    <message>
        <source>こまったことから さがす</source>
        <translation>こまった ことから さがす</translation>
    </message>
    <message>
        <source>{0} / {1} ページ</source>
        <translation>{0} / {1} ページ</translation>
    </message>
</context>
<context>
    <name>_TypingExercise</name>
    <message>
        <source>消す</source>
        <translation>けす</translation>
    </message>
    <message>
        <source>1文字 消す</source>
        <translation>1文字 消す</translation>
    </message>
    <message>
        <source>「{0}」と 打ちます</source>
        <translation>「{0}」と 打ちます</translation>
    </message>
    <message>
        <source>「{0}」と 打って、「変換」で「{1}」に します</source>
        <translation>「{0}」と 打ちます。「変換」で「{1}」に します</translation>
    </message>
    <message>
        <source>打った 文字: {0}</source>
        <translation>打った 文字: {0}</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>いいですね。「{0}」と 打てました。</source>
        <translation>いいですね。「{0}」と 打てました。</translation>
    </message>
    <message>
        <source>いいですね。「変換」を 押して「{0}」を えらびます。</source>
        <translation>いいですね。「変換」を おして、「{0}」を えらびます。</translation>
    </message>
    <message>
        <source>ちがう 文字に なりました。「消す」で 1文字 もどせます。</source>
        <translation>ちがう 文字に なりました。「けす」で 1文字 もどせます。</translation>
    </message>
</context>
<context>
    <name>categories</name>
    <message>
        <source>スマホの基本</source>
        <translation>スマホの きほん</translation>
    </message>
    <message>
        <source>電源の入れ方、文字を大きくする など</source>
        <translation>電源の 入れ方、文字を 大きく する など</translation>
    </message>
    <message>
        <source>マイナンバー・オンライン手続き</source>
        <translation>マイナンバー・スマホで する てつづき</translation>
    </message>
    <message>
        <source>マイナンバーカードのこと、マイナポータル など</source>
        <translation>マイナンバーカードの こと、マイナポータル など</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>練習する</translation>
    </message>
    <message>
        <source>タップやスワイプを 指で ためします</source>
        <translation>タップや スワイプを 指で ためします</translation>
    </message>
    <message>
        <source>災害のとき</source>
        <translation>災害の とき</translation>
    </message>
    <message>
        <source>Wi-Fi、安否の伝え方、被害の写真 など</source>
        <translation>Wi-Fi、ぶじの つたえかた、被害の 写真 など</translation>
    </message>
    <message>
        <source>サポーター講座</source>
        <translation>サポーター講座</translation>
    </message>
    <message>
        <source>教え方、暗証番号の守り方、詐欺の見分け方 など</source>
        <translation>教えかた、暗証番号の 守りかた、さぎの 見分けかた など</translation>
    </message>
</context>
<context>
    <name>exercises</name>
    <message>
        <source>タップ</source>
        <translation>タップ</translation>
    </message>
    <message>
        <source>丸を 指で かるく さわります</source>
        <translation>丸を 指で かるく さわります</translation>
    </message>
    <message>
        <source>丸が 出たら、指先で トンと かるく さわって、すぐ はなします。</source>
        <translation>丸が 出たら、指先で トンと かるく さわって、すぐ はなします。</translation>
    </message>
    <message>
        <source>ダブルタップ</source>
        <translation>ダブルタップ</translation>
    </message>
    <message>
        <source>写真を 2回 つづけて さわります</source>
        <translation>写真を 2回 つづけて さわります</translation>
    </message>
    <message>
        <source>写真を トントンと 2回 つづけて さわります。写真が 大きく なります。</source>
        <translation>写真を トントンと 2回 つづけて さわります。写真が 大きく なります。</translation>
    </message>
    <message>
        <source>長押し</source>
        <translation>ながおし</translation>
    </message>
    <message>
        <source>指を のせたまま 待ちます</source>
        <translation>指を のせたまま 待ちます</translation>
    </message>
    <message>
        <source>丸に 指を のせたまま 待ちます。輪が いっぱいに なったら、指を はなします。</source>
        <translation>丸に 指を のせたまま 待ちます。まわりの 線が つながったら、指を はなします。</translation>
    </message>
    <message>
        <source>スワイプ</source>
        <translation>スワイプ</translation>
    </message>
    <message>
        <source>写真を めくります</source>
        <translation>写真を めくります</translation>
    </message>
    <message>
        <source>指を 画面に つけたまま、矢印の 向きへ すっと 動かします。</source>
        <translation>指を 画面に つけたまま、やじるしの 向きへ すっと 動かします。</translation>
    </message>
    <message>
        <source>ドラッグ</source>
        <translation>ドラッグ</translation>
    </message>
    <message>
        <source>りんごを かごへ 運びます</source>
        <translation>りんごを かごへ 運びます</translation>
    </message>
    <message>
        <source>りんごに 指を のせたまま、かごまで 動かして、そこで はなします。</source>
        <translation>りんごに 指を のせたまま、かごまで 動かして、そこで はなします。</translation>
    </message>
    <message>
        <source>ピンチ</source>
        <translation>ピンチ</translation>
    </message>
    <message>
        <source>2本の 指で 大きく・小さく します</source>
        <translation>2本の 指で 大きく・小さく します</translation>
    </message>
    <message>
        <source>2本の 指を 広げると 大きく、近づけると 小さく なります。</source>
        <translation>2本の 指を 広げると 大きく、近づけると 小さく なります。</translation>
    </message>
    <message>
        <source>フリック入力</source>
        <translation>フリック入力</translation>
    </message>
    <message>
        <source>スマホの かな入力を ためします</source>
        <translation>スマホで かなを 打って みます</translation>
    </message>
    <message>
        <source>キーを 上下左右へ すべらせて 打ちます。</source>
        <translation>キーを 上・下・左・右へ すべらせて 打ちます。</translation>
    </message>
    <message>
        <source>ローマ字入力</source>
        <translation>ローマ字入力</translation>
    </message>
    <message>
        <source>パソコンの キーで 打ちます</source>
        <translation>パソコンの キーで 打ちます</translation>
    </message>
    <message>
        <source>ローマ字で 打ちます。「な」は N と A です。</source>
        <translation>ローマ字で 打ちます。「な」は N と A です。</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>◀ 前の ページ</source>
        <translation>◀ まえの ページ</translation>
    </message>
    <message>
        <source>次の ページ ▶</source>
        <translation>つぎの ページ ▶</translation>
    </message>
</context>
</TS>
