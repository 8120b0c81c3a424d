<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>CallStaffCard</name>
    <message>
        <source>係員に 知らせました。</source>
        <translation>The staff have been told.</translation>
    </message>
    <message>
        <source>このまま 少し お待ちください。</source>
        <translation>Please wait here a moment.</translation>
    </message>
    <message>
        <source>係員を 呼んでいます。</source>
        <translation>Calling a staff member.</translation>
    </message>
    <message>
        <source>係員に 知らせを 送っています。</source>
        <translation>Sending a message to the staff.</translation>
    </message>
    <message>
        <source>知らせを 送れませんでした。
受付の 係員に 手を あげて お知らせ ください。</source>
        <translation>The message could not be sent.
Please raise your hand to the staff at the front desk.</translation>
    </message>
    <message>
        <source>受付の 係員に 手を あげて お知らせ ください。</source>
        <translation>Please raise your hand to the staff at the front desk.</translation>
    </message>
    <message>
        <source>画面は そのままで だいじょうぶです。</source>
        <translation>You can leave the screen as it is.</translation>
    </message>
    <message>
        <source>画面に もどる</source>
        <translation>Back to screen</translation>
    </message>
</context>
<context>
    <name>CardBar</name>
    <message>
        <source>◀ とじる</source>
        <translation>◀ Close</translation>
    </message>
    <message>
        <source>この 画面を とじる</source>
        <translation>Close this screen</translation>
    </message>
    <message>
        <source>この 画面を よみあげる</source>
        <translation>Read this screen aloud</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>とめる</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>よみあげ</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>CardCheck</name>
    <message>
        <source>電子証明書の 有効期限: {0}（あと {1}日）</source>
        <translation>Your e-certificates are valid until {0} ({1} days left).</translation>
    </message>
    <message>
        <source>電子証明書が 3か月以内に 切れます: {0}（あと {1}日）</source>
        <translation>Your e-certificates expire within 3 months: {0} ({1} days left).</translation>
    </message>
    <message>
        <source>電子証明書は きょう {0}まで 使えます。</source>
        <translation>Your e-certificates can be used until today, {0}.</translation>
    </message>
    <message>
        <source>電子証明書の 有効期限が 切れています: {0}</source>
        <translation>Your e-certificates have expired: {0}.</translation>
    </message>
    <message>
        <source>期限の 3か月前から、市役所の 窓口で 更新できます。</source>
        <translation>From 3 months before that date, you can renew them at the city hall counter.</translation>
    </message>
    <message>
        <source>市役所の 窓口で 更新できます。お金は かかりません。</source>
        <translation>You can renew them at the city hall counter. It is free.</translation>
    </message>
    <message>
        <source>市役所の 窓口で 更新して ください。お金は かかりません。</source>
        <translation>Please renew them at the city hall counter. It is free.</translation>
    </message>
    <message>
        <source>マイナ保険証は、切れてから 3か月 たつと 使えなく なります。</source>
        <translation>Your card stops working as a health insurance card 3 months after they expire.</translation>
    </message>
    <message>
        <source>利用者証明用の 暗証番号（数字 4けた）</source>
        <translation>User authentication PIN (4 digits)</translation>
    </message>
    <message>
        <source>署名用の 暗証番号（英字と 数字 6〜16文字）</source>
        <translation>Signature password (6–16 letters and digits)</translation>
    </message>
    <message>
        <source>券面事項入力補助用の 暗証番号（数字 4けた）</source>
        <translation>Card information input PIN (4 digits)</translation>
    </message>
    <message>
        <source>使えます。あと {0}回 ためせます。</source>
        <translation>Working. {0} tries left.</translation>
    </message>
    <message>
        <source>あと 1回です。ためさないで、市役所の 窓口へ。</source>
        <translation>Only 1 try left. Do not try it; go to the city hall counter.</translation>
    </message>
    <message>
        <source>ロック されています。市役所の 窓口で 解除します。</source>
        <translation>Locked. It is unlocked at the city hall counter.</translation>
    </message>
    <message>
        <source>もう片方の 暗証番号が わかれば、コンビニでも 直せます。</source>
        <translation>If you know the other of these two, you can also reset it at a convenience store.</translation>
    </message>
    <message>
        <source>マイナンバーカードの 確認</source>
        <translation>My Number Card check</translation>
    </message>
    <message>
        <source>調べた日: {0}</source>
        <translation>Checked on: {0}</translation>
    </message>
    <message>
        <source>することは ありません。</source>
        <translation>Nothing to do.</translation>
    </message>
    <message>
        <source>すること</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>暗証番号の ロックの 解除: マイナンバーカードを 持って、市役所の 窓口へ。</source>
        <translation>To unlock a PIN: take your My Number Card to the city hall counter.</translation>
    </message>
    <message>
        <source>暗証番号が わからない ときは、ためさないで、市役所の 窓口へ。</source>
        <translation>If you are not sure of a PIN, do not try it; go to the city hall counter.</translation>
    </message>
    <message>
        <source>電子証明書の 更新: マイナンバーカードを 持って、市役所の 窓口へ。</source>
        <translation>To renew the e-certificates: take your My Number Card to the city hall counter.</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。</source>
        <translation>Never tell anyone your PINs.</translation>
    </message>
    <message>
        <source>お問い合わせ: {0}</source>
        <translation>Contact: {0}</translation>
    </message>
    <message>
        <source>受付: {0}</source>
        <translation>Open: {0}</translation>
    </message>
</context>
<context>
    <name>CardCheckScreen</name>
    <message>
        <source>マイナンバーカードを 読み取り機の 上に のせて ください。</source>
        <translation>Please place your My Number Card on the card reader.</translation>
    </message>
    <message>
        <source>もう一度 読み取る</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>更新の しかた</source>
        <translation>How to renew</translation>
    </message>
    <message>
        <source>暗証番号の 直し方</source>
        <translation>How to reset a PIN</translation>
    </message>
    <message>
        <source>紙に 印刷する</source>
        <translation>Print it</translation>
    </message>
    <message>
        <source>暗証番号は いりません。お名前や 住所、マイナンバーは 読みません。</source>
        <translation>No PIN is needed. Your name, address and My Number are not read.</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>カードを 調べる</source>
        <translation>Check your card</translation>
    </message>
    <message>
        <source>読み取りには 数秒 かかります。終わるまで カードを 動かさないで ください。</source>
        <translation>Reading takes a few seconds. Please keep the card still until it is done.</translation>
    </message>
    <message>
        <source>読み取り機が つながって いません。係員に お声がけ ください。</source>
        <translation>The card reader is not connected. Please ask a staff member.</translation>
    </message>
    <message>
        <source>カードが 見つかりませんでした。カードを のせてから 「もう一度 読み取る」を おして ください。</source>
        <translation>No card was found. Place your card on the reader, then press “Read again”.</translation>
    </message>
    <message>
        <source>マイナンバーカードでは ないようです。マイナンバーカードを のせて ください。</source>
        <translation>This does not seem to be a My Number Card. Please place your My Number Card.</translation>
    </message>
    <message>
        <source>カードが はなれました。もう一度 ゆっくり のせて、動かさないで ください。</source>
        <translation>The card moved away. Please place it again slowly and keep it still.</translation>
    </message>
    <message>
        <source>うまく 読めませんでした。ケースから 出して、もう一度 ゆっくり のせて ください。</source>
        <translation>The card could not be read. Take it out of its case and place it again slowly.</translation>
    </message>
</context>
<context>
    <name>ConfirmCard</name>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>キオスクを 終了しますか？</source>
        <translation>Close the kiosk?</translation>
    </message>
    <message>
        <source>この 画面が 閉じて、相談に 来た 方は 使えなく なります。
続けるときは「やめる」を 押します。</source>
        <translation>This screen will close, and visitors cannot use the kiosk.
To keep it open, press “Cancel”.</translation>
    </message>
    <message>
        <source>はい、終了します</source>
        <translation>Yes, close it</translation>
    </message>
    <message>
        <source>災害モードに しますか？</source>
        <translation>Switch to disaster mode?</translation>
    </message>
    <message>
        <source>はじめの 画面が 避難所の ご案内に 変わります。
あとで ふだんの モードに 戻せます。</source>
        <translation>The start screen will show shelter information.
You can switch back to normal mode later.</translation>
    </message>
    <message>
        <source>はい、災害モードに します</source>
        <translation>Yes, disaster mode</translation>
    </message>
    <message>
        <source>ふだんの モードに 戻しますか？</source>
        <translation>Switch back to normal mode?</translation>
    </message>
    <message>
        <source>はじめの 画面が ふだんの 相談室に 戻ります。
避難所の ご案内は 消えます。</source>
        <translation>The start screen will be the usual help desk again.
The shelter information will go away.</translation>
    </message>
    <message>
        <source>はい、ふだんに 戻します</source>
        <translation>Yes, back to normal</translation>
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
        <translation>An apple mark on the back</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>画面の 下に 小さな 印が ある</source>
        <translation>Small marks under the screen</translation>
    </message>
    <message>
        <source>らくらくスマホ</source>
        <translation>Raku-Raku phone</translation>
    </message>
    <message>
        <source>大きな ボタンの 画面</source>
        <translation>Big buttons on the screen</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <source>どれでも 使える 説明</source>
        <translation>Steps for any phone</translation>
    </message>
    <message>
        <source>わたしの スマホは どれ？</source>
        <translation>Which phone is yours?</translation>
    </message>
    <message>
        <source>スマホに よって 画面が ちがいます。近い ものを 押して ください。</source>
        <translation>Screens differ by phone. Press the one that looks like yours.</translation>
    </message>
</context>
<context>
    <name>DisasterBanner</name>
    <message>
        <source>災害モード：避難所の ご案内を しています</source>
        <translation>Disaster mode: shelter information</translation>
    </message>
</context>
<context>
    <name>DisasterHome</name>
    <message>
        <source>つながる</source>
        <translation>Get connected</translation>
    </message>
    <message>
        <source>無料の Wi-Fi「00000JAPAN」、電池の 節約、緊急速報</source>
        <translation>Free Wi-Fi “00000JAPAN”, saving battery, emergency alerts</translation>
    </message>
    <message>
        <source>安否を 伝える・確かめる</source>
        <translation>Safety messages</translation>
    </message>
    <message>
        <source>災害用伝言ダイヤル 171 と web171</source>
        <translation>Disaster message dial 171 and web171</translation>
    </message>
    <message>
        <source>罹災証明書</source>
        <translation>Damage certificate</translation>
    </message>
    <message>
        <source>片づける 前の 写真、スマホでの 申請</source>
        <translation>Photos before cleaning up, applying by phone</translation>
    </message>
    <message>
        <source>市の 災害情報</source>
        <translation>City disaster news</translation>
    </message>
    <message>
        <source>避難所や 給水の お知らせを スマホで 見る</source>
        <translation>Shelters and water supply news on your phone</translation>
    </message>
</context>
<context>
    <name>DisasterHomeScreen</name>
    <message>
        <source>災害の ときの ご案内です。知りたい ことを 押して ください。</source>
        <translation>Help for the disaster. Press what you want to know.</translation>
    </message>
    <message>
        <source>ふだんの メニュー・文字の 大きさ・ことば</source>
        <translation>Usual menu, text size, language</translation>
    </message>
    <message>
        <source>この 避難所の Wi-Fi に つなぐ QRコード</source>
        <translation>QR code to join this shelter&apos;s Wi-Fi</translation>
    </message>
    <message>
        <source>この 避難所の Wi-Fi: {0}</source>
        <translation>This shelter&apos;s Wi-Fi: {0}</translation>
    </message>
    <message>
        <source>パスワード: {0}</source>
        <translation>Password: {0}</translation>
    </message>
    <message>
        <source>パスワードは いりません。</source>
        <translation>No password needed.</translation>
    </message>
    <message>
        <source>スマホの カメラで 右の QRコードを 読むと つながります。</source>
        <translation>Read the QR code on the right with your phone&apos;s camera to join.</translation>
    </message>
    <message>
        <source>災害モード</source>
        <translation>Disaster mode</translation>
    </message>
</context>
<context>
    <name>DisasterMode</name>
    <message>
        <source>保存できませんでした。再起動すると 元に 戻ります。</source>
        <translation>Not saved. It will go back after a restart.</translation>
    </message>
</context>
<context>
    <name>DoubleTapExercise</name>
    <message>
        <source>トン、トンと 短く 2回 さわります。</source>
        <translation>Touch it twice, quickly: tap, tap.</translation>
    </message>
    <message>
        <source>いいですね。写真が 大きく なりました。</source>
        <translation>Good. The photo is bigger now.</translation>
    </message>
    <message>
        <source>いいですね。もとに もどりました。</source>
        <translation>Good. It is back to normal.</translation>
    </message>
    <message>
        <source>1回 でした。すぐに つづけて、もう1回 さわります。</source>
        <translation>That was only once. Touch again right away.</translation>
    </message>
</context>
<context>
    <name>DragExercise</name>
    <message>
        <source>りんごに 指を のせてから 動かします。</source>
        <translation>Put your finger on the apple first. Then move it.</translation>
    </message>
    <message>
        <source>いいですね。かごに 入りました。</source>
        <translation>Good. It is in the basket.</translation>
    </message>
    <message>
        <source>かごの 中まで 運んでから、指を はなします。</source>
        <translation>Move it into the basket. Then lift your finger.</translation>
    </message>
</context>
<context>
    <name>ExerciseArea</name>
    <message>
        <source>いいですね。</source>
        <translation>Good.</translation>
    </message>
    <message>
        <source>じょうずです。</source>
        <translation>Very good.</translation>
    </message>
    <message>
        <source>その ちょうしです。</source>
        <translation>Keep it up.</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>きょう できるように なったこと</source>
        <translation>What you learned today</translation>
    </message>
    <message>
        <source>もう一度 見る</source>
        <translation>See again</translation>
    </message>
    <message>
        <source>この手順を 印刷する</source>
        <translation>Print these steps</translation>
    </message>
    <message>
        <source>ほかの レッスン</source>
        <translation>Lesson list</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>スマホで 手続きへ すすむ</source>
        <translation>Do it on your phone</translation>
    </message>
    <message>
        <source>講座を すべて 終えました。修了の 紙を 印刷する</source>
        <translation>Course finished! Print your certificate</translation>
    </message>
    <message>
        <source>おつかれさまでした。</source>
        <translation>Well done!</translation>
    </message>
</context>
<context>
    <name>FlickExercise</name>
    <message>
        <source>濁点・小さい文字</source>
        <translation>Dakuten and small letters</translation>
    </message>
    <message>
        <source>変換</source>
        <translation>Convert</translation>
    </message>
    <message>
        <source>変換: {0}</source>
        <translation>Convert: {0}</translation>
    </message>
    <message>
        <source>そのまま トンと</source>
        <translation>just tap</translation>
    </message>
    <message>
        <source>左へ</source>
        <translation>slide left</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>slide up</translation>
    </message>
    <message>
        <source>右へ</source>
        <translation>slide right</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>slide down</translation>
    </message>
    <message>
        <source>「{0}」は「{1}」の キーを {2} です。「消す」で もどせます。</source>
        <translation>For “{0}”, use the “{1}” key: {2}. Press “Erase” to undo.</translation>
    </message>
    <message>
        <source>「{0}」は 大きい 文字を 打ってから「{1}」を 押します。</source>
        <translation>For “{0}”, type the big letter. Then press “{1}”.</translation>
    </message>
</context>
<context>
    <name>GlossaryCard</name>
    <message>
        <source>わかりました</source>
        <translation>I see</translation>
    </message>
</context>
<context>
    <name>HandoffScreen</name>
    <message>
        <source>暗証番号: 数字 4けた</source>
        <translation>PIN: 4 digits</translation>
    </message>
    <message>
        <source>暗証番号: 英数字 6〜16けた</source>
        <translation>PIN: 6–16 characters</translation>
    </message>
    <message>
        <source>暗証番号は いりません</source>
        <translation>No PIN needed</translation>
    </message>
    <message>
        <source>{0}回 まちがえると ロックされます。</source>
        <translation>The PIN locks after {0} wrong tries.</translation>
    </message>
    <message>
        <source>ロックは 市役所の 窓口で 直せます。</source>
        <translation>The city office can unlock it.</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。
係員にも 見せないでください。</source>
        <translation>Never tell anyone your PIN.
Do not show it to staff either.</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>つづきから 番号</source>
        <translation>Resume number</translation>
    </message>
    <message>
        <source>メモして おくと、はじめの 画面の「つづきから」で 同じ 説明を もう一度 見られます。</source>
        <translation>Write it down: press “Resume” on the first screen and type it to see the same lesson again.</translation>
    </message>
    <message>
        <source>持ち物</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <source>スマホで 読み取って ください</source>
        <translation>Scan with your phone</translation>
    </message>
    <message>
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>印刷する</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>HelpCard</name>
    <message>
        <source>だいじょうぶです。</source>
        <translation>It&apos;s OK.</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>わかりました</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Helpers</name>
    <message>
        <source>記録が 使えないため、いまは ひらけません。</source>
        <translation>Records are not available, so this cannot open now.</translation>
    </message>
    <message>
        <source>まだ 暗証番号が ありません。管理者が「kiosk pin set 名前 --role staff」で 作ります。</source>
        <translation>No PINs yet. An admin makes one with “kiosk pin set NAME --role staff”.</translation>
    </message>
    <message>
        <source>いまは 使えません。{0} に もう一度 ためして ください。</source>
        <translation>Locked for now. Try again at {0}.</translation>
    </message>
    <message>
        <source>番号が ちがいます。あと {0} 回 まちがえると、しばらく 使えなくなります。</source>
        <translation>Wrong PIN. After {0} more wrong tries, it locks for a while.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>デジタル何でも相談室</source>
        <translation>Digital Help Desk</translation>
    </message>
    <message>
        <source>スマホの使い方や、マイナンバーカードの手続きを、ひとつずつ ごあんないします。</source>
        <translation>Learn to use a smartphone and do My Number Card procedures, one step at a time.</translation>
    </message>
    <message>
        <source>画面に さわって ください</source>
        <translation>Touch the screen</translation>
    </message>
    <message>
        <source>ここを 指で かるく おすと はじまります</source>
        <translation>Press here lightly with your finger to start</translation>
    </message>
    <message>
        <source>つづきから</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>紙の 番号で 前の 続きを 見る</source>
        <translation>Use the number on your paper to go on from last time</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>タップや 文字の 入力を ためす</source>
        <translation>Try tapping and typing</translation>
    </message>
    <message>
        <source>こまったことから さがす</source>
        <translation>Find by trouble</translation>
    </message>
    <message>
        <source>こまりごとを 絵で えらぶ</source>
        <translation>Choose a picture of your trouble</translation>
    </message>
    <message>
        <source>カードを かざして 調べる</source>
        <translation>Check your My Number Card</translation>
    </message>
    <message>
        <source>電子証明書の 期限と 暗証番号</source>
        <translation>E-certificate expiry and PINs</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>標準</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>文字の大きさ: {0}</source>
        <translation>Text size: {0}</translation>
    </message>
    <message>
        <source>見やすい色</source>
        <translation>Easy colors</translation>
    </message>
    <message>
        <source>見やすい色: 黒地に 黄色い文字</source>
        <translation>Easy-to-see colors: yellow text on black</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>漢字に ふりがなを つける</source>
        <translation>Furigana: show kana readings above kanji</translation>
    </message>
    <message>
        <source>ゆっくり よむ</source>
        <translation>Read slowly</translation>
    </message>
    <message>
        <source>よみあげを ゆっくりに する</source>
        <translation>Read aloud more slowly</translation>
    </message>
    <message>
        <source>ことば: {0}</source>
        <translation>Language: {0}</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>まだ 続けますか？</source>
        <translation>Do you want to continue?</translation>
    </message>
    <message>
        <source>つづける</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>{0} 秒</source>
        <translation>{0} sec</translation>
    </message>
    <message>
        <source>のこり {0} 秒</source>
        <translation>{0} seconds left</translation>
    </message>
    <message>
        <source>あと {0} 秒で、はじめの画面に 戻ります。
続けるときは「つづける」を おしてください。</source>
        <translation>In {0} seconds, the screen will go back to the start.
To continue, press “Continue”.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>デジタル何でも相談室</source>
        <translation>Digital Help Desk</translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <source>日本語</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>LessonListScreen</name>
    <message>
        <source>ここには まだ レッスンが ありません。係員に お声がけ ください。</source>
        <translation>No lessons here yet. Please ask the staff.</translation>
    </message>
    <message>
        <source>カードを 読み取り機に のせて、期限と 暗証番号を 調べる</source>
        <translation>Place your card on the reader to check its expiry and PINs</translation>
    </message>
    <message>
        <source>レッスンを えらんで ください。</source>
        <translation>Choose a lesson.</translation>
    </message>
</context>
<context>
    <name>LongPressExercise</name>
    <message>
        <source>輪が いっぱいです。指を はなして ください。</source>
        <translation>The ring is full. Lift your finger.</translation>
    </message>
    <message>
        <source>まん中の 丸に 指を のせます。</source>
        <translation>Put your finger on the circle in the middle.</translation>
    </message>
    <message>
        <source>もう少し 長く、輪が いっぱいに なるまで 待ちます。</source>
        <translation>A little longer. Wait until the ring is full.</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>何をしますか？ ひとつ えらんで ください。</source>
        <translation>What would you like to do? Choose one.</translation>
    </message>
    <message>
        <source>サポーターに なりたい 方へ</source>
        <translation>Want to become a supporter?</translation>
    </message>
    <message>
        <source>サポーター講座: 教え方や 暗証番号の 守り方を 学べます</source>
        <translation>Supporter course: how to teach, keeping PINs safe, and more</translation>
    </message>
    <message>
        <source>メニュー</source>
        <translation>Menu</translation>
    </message>
</context>
<context>
    <name>NoSpeechCard</name>
    <message>
        <source>この ことばの 声が ありません。</source>
        <translation>No voice for this language.</translation>
    </message>
    <message>
        <source>この ことばで 読みあげる 声が ありません。
画面の 文字を ごらんください。</source>
        <translation>There is no voice to read this language aloud.
Please read the text on the screen.</translation>
    </message>
    <message>
        <source>よみあげは いま つかえません。</source>
        <translation>Read aloud does not work now.</translation>
    </message>
    <message>
        <source>この機械では 声で 読みあげることが できません。
文字を 大きくして ごらんください。</source>
        <translation>This machine cannot read aloud.
Please make the text bigger and read it.</translation>
    </message>
    <message>
        <source>画面に もどる</source>
        <translation>Back to screen</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>メモ（なくても かまいません）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>メモなしで おわる</source>
        <translation>End without note</translation>
    </message>
    <message>
        <source>メモを 記録して おわる</source>
        <translation>Save note and end</translation>
    </message>
    <message>
        <source>個人の 情報が 入っている ようです。書き直すか、メモなしで おわって ください。</source>
        <translation>This seems to have personal information. Rewrite it, or end without a note.</translation>
    </message>
    <message>
        <source>お名前・電話番号・マイナンバー・暗証番号は 書かないで ください。</source>
        <translation>Do not write names, phone numbers, My Numbers or PINs.</translation>
    </message>
</context>
<context>
    <name>NumberPadCard</name>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数字 {0}</source>
        <translation>Number {0}</translation>
    </message>
    <message>
        <source>消す</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>1つ 消す</source>
        <translation>Erase one</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <source>説明の絵</source>
        <translation>Picture for this step</translation>
    </message>
    <message>
        <source>（絵は ありません）</source>
        <translation>(No picture)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>係員・サポーター</source>
        <translation>Staff / Supporter</translation>
    </message>
    <message>
        <source>ひらく</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>暗証番号を 入れて、「ひらく」を 押して ください。</source>
        <translation>Enter your PIN and press “Open”.</translation>
    </message>
    <message>
        <source>{0} けた 入れました</source>
        <translation>{0} digits entered</translation>
    </message>
</context>
<context>
    <name>PinchExercise</name>
    <message>
        <source>2本の 指で さわります。むずかしい ときは ＋ と － を 使います。</source>
        <translation>Touch with two fingers. If that is hard, use ＋ and －.</translation>
    </message>
    <message>
        <source>いいですね。大きく なりました。つぎは 小さく します。</source>
        <translation>Good. It is bigger. Now make it smaller.</translation>
    </message>
    <message>
        <source>いいですね。もとの 大きさに もどりました。</source>
        <translation>Good. It is back to its first size.</translation>
    </message>
    <message>
        <source>もう少し 指を 広げます。</source>
        <translation>Spread your fingers a little more.</translation>
    </message>
    <message>
        <source>もう少し 指を 近づけます。</source>
        <translation>Bring your fingers a little closer.</translation>
    </message>
</context>
<context>
    <name>PlayerScreen</name>
    <message>
        <source>お使いのスマホ</source>
        <translation>Your phone</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>アイフォーン</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>アンドロイド</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>らくらくスマホ</source>
        <translation>Raku-Raku phone</translation>
    </message>
    <message>
        <source>らくらくスマートフォン</source>
        <translation>Raku-Raku smartphone</translation>
    </message>
    <message>
        <source>◀ 戻る</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>Help me</translation>
    </message>
    <message>
        <source>だいじょうぶです。</source>
        <translation>It&apos;s OK. </translation>
    </message>
    <message>
        <source>次へ ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>手順 {0} / {1}</source>
        <translation>Step {0} / {1}</translation>
    </message>
    <message>
        <source>{1} のうち {0} 番目の手順</source>
        <translation>Step {0} of {1}</translation>
    </message>
    <message>
        <source>サポーターの コツ: {0}</source>
        <translation>Supporter tip: {0}</translation>
    </message>
    <message>
        <source>おわる ▶</source>
        <translation>Finish ▶</translation>
    </message>
    <message>
        <source>「{0}」とは？</source>
        <translation>What is “{0}”?</translation>
    </message>
    <message>
        <source>{0} の 意味</source>
        <translation>Meaning of {0}</translation>
    </message>
</context>
<context>
    <name>PracticeMenuScreen</name>
    <message>
        <source>はじめての 練習コース</source>
        <translation>Beginner course</translation>
    </message>
    <message>
        <source>タップ → 長押し → スワイプ → フリック入力</source>
        <translation>Tap → Long press → Swipe → Flick typing</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>Practice</translation>
    </message>
</context>
<context>
    <name>PracticeScreen</name>
    <message>
        <source>お手本を 見る</source>
        <translation>Show me how</translation>
    </message>
    <message>
        <source>大きくする</source>
        <translation>Make bigger</translation>
    </message>
    <message>
        <source>小さくする</source>
        <translation>Make smaller</translation>
    </message>
    <message>
        <source>次の 練習へ</source>
        <translation>Next exercise</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>{0} 回 できました（{1} 回 中）</source>
        <translation>{0} of {1} done</translation>
    </message>
    <message>
        <source>できました。次の 練習へ すすみましょう。</source>
        <translation>You did it. Let&apos;s go to the next exercise.</translation>
    </message>
    <message>
        <source>できました。よく がんばりました。</source>
        <translation>You did it. Great work!</translation>
    </message>
    <message>
        <source>おわる</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>印刷しています。少し お待ちください。</source>
        <translation>Printing. Please wait a moment.</translation>
    </message>
    <message>
        <source>印刷しました。紙を お取りください。</source>
        <translation>Printed. Please take your paper.</translation>
    </message>
    <message>
        <source>印刷できませんでした。係員に 声を かけて ください。</source>
        <translation>It did not print. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>印刷できませんでした。画面の QRコードを スマホで 読み取って ください。</source>
        <translation>Could not print. Please scan the QR code on the screen with your phone.</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>手続きの ページの QRコード</source>
        <translation>QR code for the procedure page</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>年代は？</source>
        <translation>Age?</translation>
    </message>
    <message>
        <source>59さい まで</source>
        <translation>Up to 59</translation>
    </message>
    <message>
        <source>60代</source>
        <translation>60s</translation>
    </message>
    <message>
        <source>70代</source>
        <translation>70s</translation>
    </message>
    <message>
        <source>80さい から</source>
        <translation>80 or over</translation>
    </message>
    <message>
        <source>答えない</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>お持ちの 電話は？</source>
        <translation>Which phone?</translation>
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
        <translation>Raku-Raku phone</translation>
    </message>
    <message>
        <source>ガラケー</source>
        <translation>Flip phone</translation>
    </message>
    <message>
        <source>持っていない</source>
        <translation>None</translation>
    </message>
    <message>
        <source>ご相談は？</source>
        <translation>Topic?</translation>
    </message>
    <message>
        <source>スマホの 基本</source>
        <translation>Smartphone basics</translation>
    </message>
    <message>
        <source>マイナンバー</source>
        <translation>My Number</translation>
    </message>
    <message>
        <source>練習</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>ことばは？</source>
        <translation>Language?</translation>
    </message>
    <message>
        <source>日本語</source>
        <translation>Japanese</translation>
    </message>
    <message>
        <source>やさしい 日本語</source>
        <translation>Easy Japanese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>どう なりましたか？</source>
        <translation>Result?</translation>
    </message>
    <message>
        <source>解決した</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>続きは 次回</source>
        <translation>Continue next time</translation>
    </message>
    <message>
        <source>市の 窓口へ 案内</source>
        <translation>Sent to city office</translation>
    </message>
    <message>
        <source>携帯ショップへ 案内</source>
        <translation>Sent to phone shop</translation>
    </message>
    <message>
        <source>ほかの 窓口へ 案内</source>
        <translation>Sent elsewhere</translation>
    </message>
    <message>
        <source>あとで 連絡や 確認が いりますか？</source>
        <translation>Follow-up needed?</translation>
    </message>
    <message>
        <source>いる</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いらない</source>
        <translation>No</translation>
    </message>
    <message>
        <source>やめる</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>相談の はじめに</source>
        <translation>Start of session</translation>
    </message>
    <message>
        <source>相談の おわりに</source>
        <translation>End of session</translation>
    </message>
</context>
<context>
    <name>QwertyExercise</name>
    <message>
        <source>のばす 記号</source>
        <translation>Long vowel mark</translation>
    </message>
    <message>
        <source>ローマ字: {0}</source>
        <translation>Romaji: {0}</translation>
    </message>
</context>
<context>
    <name>RecordsInfoCard</name>
    <message>
        <source>きろくについて</source>
        <translation>About records</translation>
    </message>
    <message>
        <source>相談室の お手伝いを よくするために、
見たレッスン、「わからない」を おした ところ、
係員を 呼んだことを 記録します。
カードを 調べたときは、期限が 近いか、暗証番号が ロックされて いるか だけを 記録します。
カードの お名前・住所・生年月日・マイナンバー・顔写真は 読みません。
お名前・住所・電話番号・マイナンバー・暗証番号は 記録しません。
記録は 決められた 期間が すぎると 消します。</source>
        <translation>To help you better, we record
the lessons you watch, where you press “I don&apos;t understand”,
and when you call staff.
When you check your card, we record only whether it expires soon and whether a PIN is locked.
We do not read the name, address, date of birth, My Number or photo on your card.
We do not record your name, address, phone number, My Number or PIN.
Records are deleted after a set time.</translation>
    </message>
    <message>
        <source>とじる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ResumePad</name>
    <message>
        <source>つづきから</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>番号が 見つかりません。
紙の 番号を もう一度 見て ください。</source>
        <translation>This number was not found.
Please look at the number on your paper again.</translation>
    </message>
    <message>
        <source>紙に ある 6けたの 番号を 入れて ください。</source>
        <translation>Enter the 6-digit number on your paper.</translation>
    </message>
    <message>
        <source>入れた 番号: {0}</source>
        <translation>Number entered: {0}</translation>
    </message>
    <message>
        <source>まだ 入れていません</source>
        <translation>Nothing entered yet</translation>
    </message>
</context>
<context>
    <name>ScrollPage</name>
    <message>
        <source>▲
上へ</source>
        <translation>▲
Up</translation>
    </message>
    <message>
        <source>下へ
▼</source>
        <translation>Down
▼</translation>
    </message>
    <message>
        <source>上へ もどす</source>
        <translation>Scroll up</translation>
    </message>
    <message>
        <source>下の つづきを 見る</source>
        <translation>Scroll down to see more</translation>
    </message>
</context>
<context>
    <name>SelfCheckScreen</name>
    <message>
        <source>確かめ問題です。あてはまる ものを ひとつ えらんで ください。</source>
        <translation>Check what you learned. Choose one answer.</translation>
    </message>
    <message>
        <source>確かめ問題</source>
        <translation>Self-check</translation>
    </message>
    <message>
        <source>確かめ問題 {0} / {1}</source>
        <translation>Self-check {0} / {1}</translation>
    </message>
    <message>
        <source>◯ そのとおりです。</source>
        <translation>◯ That&apos;s right.</translation>
    </message>
    <message>
        <source>正しい 答えは「{0}」です。</source>
        <translation>The right answer is “{0}”.</translation>
    </message>
    <message>
        <source>おわる</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>次の 問題へ</source>
        <translation>Next question</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>いる暗証番号: 数字 4けた（利用者証明用）</source>
        <translation>PIN needed: 4 digits (for login)</translation>
    </message>
    <message>
        <source>いる暗証番号: 英数字 6〜16けた（署名用）</source>
        <translation>PIN needed: 6–16 letters and numbers (for signing)</translation>
    </message>
    <message>
        <source>暗証番号は いりません。</source>
        <translation>No PIN needed.</translation>
    </message>
    <message>
        <source>{0}回 まちがえると ロックされます。</source>
        <translation>The PIN locks after {0} wrong tries.</translation>
    </message>
    <message>
        <source>ロックされたら、カードを 持って 市役所の 窓口へ 行きます。</source>
        <translation>If it locks, take your card to the city office.</translation>
    </message>
    <message>
        <source>暗証番号は だれにも 教えないでください。</source>
        <translation>Never tell anyone your PIN.</translation>
    </message>
    <message>
        <source>スマホの カメラで 読み取ってください</source>
        <translation>Scan with your phone camera</translation>
    </message>
    <message>
        <source>暗証番号について</source>
        <translation>About the PIN</translation>
    </message>
    <message>
        <source>手順</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>持ち物</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <source>サポーター講座 修了</source>
        <translation>Supporter course completed</translation>
    </message>
    <message>
        <source>サポーター講座の 全 {0} レッスンと 確かめ問題を すべて 終えました。</source>
        <translation>Has finished all {0} lessons of the supporter course and their self-checks.</translation>
    </message>
    <message>
        <source>学んだ こと</source>
        <translation>What was learned</translation>
    </message>
    <message>
        <source>お名前（ご自分で 書いて ください）</source>
        <translation>Name (please write it yourself)</translation>
    </message>
    <message>
        <source>地域の みなさんの 力に なって いただき、ありがとうございます。</source>
        <translation>Thank you for helping people in our community.</translation>
    </message>
    <message>
        <source>お問い合わせ: {0}</source>
        <translation>Contact: {0}</translation>
    </message>
    <message>
        <source>おうちで もう一度 ためす ための 手順です。</source>
        <translation>The steps, to try again at home.</translation>
    </message>
    <message>
        <source>受付: {0}</source>
        <translation>Open: {0}</translation>
    </message>
    <message>
        <source>つづきから 番号: {0}</source>
        <translation>Resume number: {0}</translation>
    </message>
    <message>
        <source>相談室の 画面で「つづきから」を おして、この 番号を 入れると、同じ 説明を もう一度 見られます。</source>
        <translation>On the Help Desk screen, press “Resume” and enter this number to see the same guide again.</translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message>
        <source>対応しました</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>よびだし中：係員を 呼んでいます（{0} から）</source>
        <translation>Calling staff: a staff member has been called (since {0})</translation>
    </message>
</context>
<context>
    <name>StaffDesk</name>
    <message>
        <source>{0} の 新しい 暗証番号を 入れて ください。</source>
        <translation>Enter a new PIN for {0}.</translation>
    </message>
    <message>
        <source>確かめます。もう一度 入れて ください。</source>
        <translation>To check, enter it again.</translation>
    </message>
    <message>
        <source>2回の 番号が ちがいました。はじめから 入れて ください。</source>
        <translation>The two PINs did not match. Please start again.</translation>
    </message>
    <message>
        <source>{0} の 暗証番号を 設定しました。</source>
        <translation>PIN set for {0}.</translation>
    </message>
    <message>
        <source>変わった ところは ありません。</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <source>この 画面からは 保存できません。</source>
        <translation>Cannot save from this screen.</translation>
    </message>
    <message>
        <source>保存できませんでした。値を 確かめて ください。
{0}</source>
        <translation>Could not save. Please check the values.
{0}</translation>
    </message>
    <message>
        <source>保存しました。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>StepListCard</name>
    <message>
        <source>手順の 一覧</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>とじる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>いまは 手順 {0} です。</source>
        <translation>You are on step {0}.</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>{0}を 減らす</source>
        <translation>Decrease: {0}</translation>
    </message>
    <message>
        <source>{0}を 増やす</source>
        <translation>Increase: {0}</translation>
    </message>
</context>
<context>
    <name>SwipeExercise</name>
    <message>
        <source>左</source>
        <translation>left</translation>
    </message>
    <message>
        <source>右</source>
        <translation>right</translation>
    </message>
    <message>
        <source>上</source>
        <translation>up</translation>
    </message>
    <message>
        <source>下</source>
        <translation>down</translation>
    </message>
    <message>
        <source>もう少し 長く、指を つけたまま 動かします。</source>
        <translation>A little longer. Keep your finger on the screen as you move it.</translation>
    </message>
    <message>
        <source>{0}へ 動かします。矢印の 向きです。</source>
        <translation>Move {0}, the way the arrow points.</translation>
    </message>
    <message>
        <source>写真 {0}</source>
        <translation>Photo {0}</translation>
    </message>
</context>
<context>
    <name>TapExercise</name>
    <message>
        <source>指を のせたままに なりました。トンと すぐ はなします。</source>
        <translation>Your finger stayed down. Tap and lift it right away.</translation>
    </message>
    <message>
        <source>指を 動かさずに、その場で トンと さわります。</source>
        <translation>Tap without moving your finger.</translation>
    </message>
    <message>
        <source>オレンジの 丸の 中を さわって みましょう。</source>
        <translation>Try touching inside the orange circle.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>◀ 戻る</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>はじめに戻る</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>きろくについて</source>
        <translation>About records</translation>
    </message>
    <message>
        <source>画面を よみあげる</source>
        <translation>Read the screen aloud</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>とめる</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>よみあげ</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>TroubleCard</name>
    <message>
        <source>説明を 見る</source>
        <translation>Show me how</translation>
    </message>
    <message>
        <source>スマホで 手続きへ</source>
        <translation>Do it on your phone</translation>
    </message>
    <message>
        <source>係員を呼ぶ</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>ほかの こまりごと</source>
        <translation>Other troubles</translation>
    </message>
</context>
<context>
    <name>TroublesScreen</name>
    <message>
        <source>こまって いる ことに 近い ものを 押して ください。</source>
        <translation>Press the one closest to your trouble.</translation>
    </message>
    <message>
        <source>こまったことから さがす</source>
        <translation>Find by trouble</translation>
    </message>
    <message>
        <source>{0} / {1} ページ</source>
        <translation>Page {0} / {1}</translation>
    </message>
</context>
<context>
    <name>_TypingExercise</name>
    <message>
        <source>消す</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>1文字 消す</source>
        <translation>Erase one letter</translation>
    </message>
    <message>
        <source>「{0}」と 打ちます</source>
        <translation>Type “{0}”</translation>
    </message>
    <message>
        <source>「{0}」と 打って、「変換」で「{1}」に します</source>
        <translation>Type “{0}”. Then press “Convert” to get “{1}”.</translation>
    </message>
    <message>
        <source>打った 文字: {0}</source>
        <translation>Typed: {0}</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>いいですね。「{0}」と 打てました。</source>
        <translation>Good. You typed “{0}”.</translation>
    </message>
    <message>
        <source>いいですね。「変換」を 押して「{0}」を えらびます。</source>
        <translation>Good. Now press “Convert” and choose “{0}”.</translation>
    </message>
    <message>
        <source>ちがう 文字に なりました。「消す」で 1文字 もどせます。</source>
        <translation>That is a different letter. Press “Erase” to remove it.</translation>
    </message>
</context>
<context>
    <name>categories</name>
    <message>
        <source>スマホの基本</source>
        <translation>Smartphone basics</translation>
    </message>
    <message>
        <source>電源の入れ方、文字を大きくする など</source>
        <translation>Turning it on, bigger text, and more</translation>
    </message>
    <message>
        <source>マイナンバー・オンライン手続き</source>
        <translation>My Number &amp; online procedures</translation>
    </message>
    <message>
        <source>マイナンバーカードのこと、マイナポータル など</source>
        <translation>My Number Card, Mynaportal, and more</translation>
    </message>
    <message>
        <source>練習する</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>タップやスワイプを 指で ためします</source>
        <translation>Try tapping and swiping with your finger</translation>
    </message>
    <message>
        <source>災害のとき</source>
        <translation>In a disaster</translation>
    </message>
    <message>
        <source>Wi-Fi、安否の伝え方、被害の写真 など</source>
        <translation>Wi-Fi, telling family you are safe, damage photos</translation>
    </message>
    <message>
        <source>サポーター講座</source>
        <translation>Supporter course</translation>
    </message>
    <message>
        <source>教え方、暗証番号の守り方、詐欺の見分け方 など</source>
        <translation>How to teach, keeping PINs safe, spotting scams, and more</translation>
    </message>
</context>
<context>
    <name>exercises</name>
    <message>
        <source>タップ</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>丸を 指で かるく さわります</source>
        <translation>Touch the circle lightly</translation>
    </message>
    <message>
        <source>丸が 出たら、指先で トンと かるく さわって、すぐ はなします。</source>
        <translation>When a circle appears, tap it lightly with your fingertip. Lift your finger right away.</translation>
    </message>
    <message>
        <source>ダブルタップ</source>
        <translation>Double tap</translation>
    </message>
    <message>
        <source>写真を 2回 つづけて さわります</source>
        <translation>Touch the photo twice, quickly</translation>
    </message>
    <message>
        <source>写真を トントンと 2回 つづけて さわります。写真が 大きく なります。</source>
        <translation>Tap the photo twice, quickly: tap, tap. The photo gets bigger.</translation>
    </message>
    <message>
        <source>長押し</source>
        <translation>Long press</translation>
    </message>
    <message>
        <source>指を のせたまま 待ちます</source>
        <translation>Keep your finger down and wait</translation>
    </message>
    <message>
        <source>丸に 指を のせたまま 待ちます。輪が いっぱいに なったら、指を はなします。</source>
        <translation>Put your finger on the circle and wait. When the ring is full, lift your finger.</translation>
    </message>
    <message>
        <source>スワイプ</source>
        <translation>Swipe</translation>
    </message>
    <message>
        <source>写真を めくります</source>
        <translation>Turn the photos</translation>
    </message>
    <message>
        <source>指を 画面に つけたまま、矢印の 向きへ すっと 動かします。</source>
        <translation>Keep your finger on the screen. Slide it quickly the way the arrow points.</translation>
    </message>
    <message>
        <source>ドラッグ</source>
        <translation>Drag</translation>
    </message>
    <message>
        <source>りんごを かごへ 運びます</source>
        <translation>Move the apple to the basket</translation>
    </message>
    <message>
        <source>りんごに 指を のせたまま、かごまで 動かして、そこで はなします。</source>
        <translation>Put your finger on the apple. Move it to the basket, then lift your finger.</translation>
    </message>
    <message>
        <source>ピンチ</source>
        <translation>Pinch</translation>
    </message>
    <message>
        <source>2本の 指で 大きく・小さく します</source>
        <translation>Make it bigger or smaller with two fingers</translation>
    </message>
    <message>
        <source>2本の 指を 広げると 大きく、近づけると 小さく なります。</source>
        <translation>Spread two fingers to make it bigger. Bring them closer to make it smaller.</translation>
    </message>
    <message>
        <source>フリック入力</source>
        <translation>Flick typing</translation>
    </message>
    <message>
        <source>スマホの かな入力を ためします</source>
        <translation>Try the phone&apos;s kana keyboard</translation>
    </message>
    <message>
        <source>キーを 上下左右へ すべらせて 打ちます。</source>
        <translation>To type, slide a key up, down, left or right.</translation>
    </message>
    <message>
        <source>ローマ字入力</source>
        <translation>Romaji typing</translation>
    </message>
    <message>
        <source>パソコンの キーで 打ちます</source>
        <translation>Type on a computer keyboard</translation>
    </message>
    <message>
        <source>ローマ字で 打ちます。「な」は N と A です。</source>
        <translation>Type in romaji. “な” is N and A.</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>◀ 前の ページ</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <source>次の ページ ▶</source>
        <translation>Next page ▶</translation>
    </message>
</context>
</TS>
