"""What a person sees in the preview site, checked in headless Chromium."""

import json
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select


def template_pages(site):
    return sorted(site.glob("*/templates/*.html"))


def open_page(driver, path):
    driver.get(path.as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text


def requests_made(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def example_cards(driver):
    """(locale, variant, card element) of every card with example values on the page."""
    cards = []
    for section in driver.find_elements(By.CSS_SELECTOR, "section.locale[data-locale]"):
        for card in section.find_elements(By.CSS_SELECTOR, "article.card.example"):
            cards.append((section.get_attribute("data-locale"), int(card.get_attribute("data-variant")), card))
    return cards


def test_every_page_loads_nothing_from_another_host(driver, site):
    pages = [site / "index.html", *sorted(site.glob("*/index.html")), *template_pages(site)]
    assert len(pages) > 10
    driver.get_log("performance")
    seen = []
    for page in pages:
        open_page(driver, page)
        seen += requests_made(driver)
    assert any(url.endswith("/assets/preview.css") for url in seen), "the stylesheet was not loaded"
    assert any(url.endswith("/assets/preview.js") for url in seen), "the script was not loaded"
    elsewhere = [url for url in seen if not url.startswith("file://")]
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"


def test_button_present_exactly_when_the_link_is_last_and_ring_is_twitter_texts_count(driver, site, replykit):
    checked = with_button = without_button = 0
    for page in template_pages(site):
        brand = page.parent.parent.name
        template = page.stem
        open_page(driver, page)
        for locale, variant, card in example_cards(driver):
            rendered = replykit.render(f"{brand}/{template}", locale, variant)
            if rendered is None:
                continue  # refused now (a campaign outside its window): nothing to compare with
            buttons = card.find_elements(By.CSS_SELECTOR, "button.dm-button")
            link_last = rendered["deep_link"] is not None and rendered["text"].endswith(rendered["deep_link"])
            assert (len(buttons) == 1) == link_last, f"{page.name} {locale} variant {variant}"
            if link_last:
                with_button += 1
                assert buttons[0].is_displayed()
                assert buttons[0].accessible_name == "Send a private message"
                assert "messages/compose" not in card.text, "the deep link is hidden under the button"
                match = re.search(r"[?&]text=([^&]*)", rendered["deep_link"])
                if match:
                    prefill = card.find_element(By.CSS_SELECTOR, ".prefill q").text
                    assert prefill.strip() != ""
            else:
                without_button += 1
            figure = int(card.find_element(By.CSS_SELECTOR, ".ring-figure").text)
            assert figure == replykit.count(rendered["text"]), f"{page.name} {locale} variant {variant}"
            ring = card.find_element(By.CSS_SELECTOR, ".ring")
            assert ring.get_attribute("role") == "img"
            assert ring.get_attribute("aria-label").startswith(f"{figure} of {rendered['limit']} weighted characters")
            checked += 1
    assert checked >= 50 and with_button > 0 and without_button > 0, (checked, with_button, without_button)


def test_right_to_left_cards_for_arabic(driver, site):
    open_page(driver, site / "acme-air" / "templates" / "refund-delay.html")
    directions = {}
    for section in driver.find_elements(By.CSS_SELECTOR, "section.locale[data-locale]"):
        text = section.find_element(By.CSS_SELECTOR, ".card-text")
        directions[section.get_attribute("data-locale")] = (
            text.get_attribute("lang"), driver.execute_script("return getComputedStyle(arguments[0]).direction", text))
    assert directions["ar"] == ("ar", "rtl")
    assert directions["en-US"] == ("en-US", "ltr")
    assert directions["ja-JP"] == ("ja-JP", "ltr")


def test_translations_side_by_side(driver, site):
    open_page(driver, site / "acme-air" / "templates" / "refund-delay.html")
    sections = driver.find_elements(By.CSS_SELECTOR, "section.locale[data-locale]")
    assert [s.get_attribute("data-locale") for s in sections][:1] == ["en-US"]
    tops = {s.rect["y"] for s in sections}
    lefts = [s.rect["x"] for s in sections]
    assert len(sections) == 5 and len(tops) == 1 and lefts == sorted(lefts)


def test_entities_are_styled_and_urls_shortened(driver, fixture_site):
    open_page(driver, fixture_site / "zephyr" / "templates" / "status.html")
    card = driver.find_element(By.CSS_SELECTOR, 'section[data-locale="en-US"] article.card.example')
    text = card.find_element(By.CSS_SELECTOR, ".card-text")
    shown = {kind: [e.text for e in text.find_elements(By.CSS_SELECTOR, f".entity.{kind}")]
             for kind in ["mention", "hashtag", "cashtag", "url"]}
    assert shown == {"mention": ["@ZephyrStatus"], "hashtag": ["#ZephyrOutage"], "cashtag": ["$ZPHR"],
                     "url": ["status.zephyr-care.com/in…"]}
    url = text.find_element(By.CSS_SELECTOR, ".entity.url")
    assert url.get_attribute("title") == "https://status.zephyr-care.com/incidents/2026/12/01"
    entity = driver.execute_script("return getComputedStyle(arguments[0]).color", url)
    plain = driver.execute_script("return getComputedStyle(arguments[0]).color", text)
    assert entity != plain, "entities are not styled apart from the text"
    # Hebrew, right to left, with its entities styled too.
    hebrew = driver.find_element(By.CSS_SELECTOR, 'section[data-locale="he-IL"] article.card.example .card-text')
    assert driver.execute_script("return getComputedStyle(arguments[0]).direction", hebrew) == "rtl"
    assert hebrew.find_elements(By.CSS_SELECTOR, ".entity.hashtag")
    # A locale the brand lists without a pack shows as missing.
    assert "No fr-FR translation" in driver.find_element(By.CSS_SELECTOR, "section.locale.missing").text


def test_a_deep_link_not_last_stays_a_link_without_the_button(driver, fixture_site):
    open_page(driver, fixture_site / "zephyr" / "templates" / "inline-link.html")
    card = driver.find_element(By.CSS_SELECTOR, "article.card.example")
    assert card.find_elements(By.CSS_SELECTOR, "button.dm-button") == []
    assert card.find_element(By.CSS_SELECTOR, ".entity.url").text == "twitter.com/messages/comp…"


def test_line_breaks_are_kept_and_the_prefill_shown(driver, fixture_site):
    open_page(driver, fixture_site / "zephyr" / "templates" / "handoff.html")
    card = driver.find_element(By.CSS_SELECTOR, 'section[data-locale="en-US"] article.card.example')
    assert card.find_element(By.CSS_SELECTOR, ".card-text").text == "Thanks Noa, line one.\nLine two, after a break."
    assert card.find_element(By.CSS_SELECTOR, ".prefill q").text == "Hello Zephyr <3"
    button = card.find_element(By.CSS_SELECTOR, "button.dm-button")
    assert button.accessible_name == "Send a private message"
    # The Hebrew copy hands off without a prefill: the button, and no prefill line.
    hebrew = driver.find_element(By.CSS_SELECTOR, 'section[data-locale="he-IL"] article.card.example')
    assert hebrew.find_elements(By.CSS_SELECTOR, "button.dm-button")
    assert hebrew.find_elements(By.CSS_SELECTOR, ".prefill") == []


def test_pack_text_cannot_run_script_or_add_markup(driver, fixture_site):
    for page in [fixture_site / "index.html", fixture_site / "zephyr" / "index.html",
                 fixture_site / "zephyr" / "templates" / "hostile.html"]:
        open_page(driver, page)
        assert driver.execute_script("return window.injected === undefined")
        assert driver.find_elements(By.CSS_SELECTOR, "main script, main img") == []
    text = driver.find_element(By.CSS_SELECTOR, "article.card.example .card-text").text
    assert text.startswith("<script>window.injected = 1</script><img src=x")
    assert "Zephyr <Care>" in driver.find_element(By.CSS_SELECTOR, ".card .name").text


def test_index_filters_and_sorts_with_the_keyboard(driver, site):
    open_page(driver, site / "acme-air" / "index.html")
    rows = driver.find_elements(By.CSS_SELECTOR, "#templates tbody tr")
    assert len(rows) >= 30
    Select(driver.find_element(By.ID, "filter-locale")).select_by_value("ja-JP")
    visible = [r for r in rows if r.is_displayed()]
    assert visible and all(r.get_attribute("data-locale") == "ja-JP" for r in visible)
    assert driver.find_element(By.ID, "row-count").text == f"{len(visible)} of {len(rows)} shown"
    Select(driver.find_element(By.ID, "filter-locale")).select_by_value("")
    Select(driver.find_element(By.ID, "filter-state")).select_by_value("campaign-open")
    visible = [r for r in rows if r.is_displayed()]
    assert visible and all("campaign-open" in r.get_attribute("data-state").split() for r in visible)
    Select(driver.find_element(By.ID, "filter-state")).select_by_value("")

    # Sort by worst case with the keyboard: Tab to the column's button, Enter.
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    target = driver.find_elements(By.CSS_SELECTOR, "#templates thead button.sort")[2]
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element == target:
            break
    assert driver.switch_to.active_element == target, "the sort button cannot be reached with Tab"
    target.send_keys(Keys.ENTER)
    values = [int(r.find_elements(By.TAG_NAME, "td")[1].get_attribute("data-value"))
              for r in driver.find_elements(By.CSS_SELECTOR, "#templates tbody tr")]
    assert values == sorted(values)
    assert target.find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _rgb(css):
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


def _contrast(a, b):
    la, lb = sorted([_luminance(_rgb(a)), _luminance(_rgb(b))], reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_enough_contrast_in_both_schemes(driver, site, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        open_page(driver, site / "acme-air" / "templates" / "order-help.html")
        card = driver.find_element(By.CSS_SELECTOR, "article.card")
        background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", card)
        if scheme == "dark":
            assert _luminance(_rgb(background)) < 0.1, background
        for selector in [".card-text", ".handle", ".card-caption", ".name", ".dm-button", ".prefill", ".ring-limit"]:
            element = card.find_element(By.CSS_SELECTOR, selector)
            colour = driver.execute_script("return getComputedStyle(arguments[0]).color", element)
            assert _contrast(colour, background) >= 4.5, f"{selector} in {scheme}: {colour} on {background}"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("brand,template,locale,name", [
    ("acme-air", "order-help", "en-US", "english"),
    ("acme-air", "rebooked", "ja-JP", "japanese"),
    ("acme-air", "refund-delay", "ar", "arabic"),
])
def test_screenshots(driver, site, screenshots, brand, template, locale, name):
    open_page(driver, site / brand / "templates" / f"{template}.html")
    section = driver.find_element(By.CSS_SELECTOR, f'section.locale[data-locale="{locale}"]')
    driver.execute_script("arguments[0].scrollIntoView()", section)
    path = screenshots / f"{name}-{brand}-{template}-{locale}.png"
    assert section.screenshot(str(path))
    assert path.stat().st_size > 5000
