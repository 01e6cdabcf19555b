"""The xinjiang-entities slice of bench_pairs.py: Xinjiang companies and agencies by their Chinese and English names.

Positives: companies on the UFLPA Entity List and their Xinjiang peers (the English name as the list or the company
gives it, the Chinese name as registered), XPCC units, and Xinjiang's public security, justice, court and party
bodies in the English forms reports and lists use. Negatives: the same Chinese names against another company of
the same place and industry (a real one, or the trade name changed by a syllable: "Huafeng" for 华孚 Huafu), a
sister company of the same group, another department.

Session 21 probed the matcher with these pairs and curated glossary terms from what failed (厅, 局, 公安 = police,
色纺 = textiles, 发制品 = hair accessories, 炭素 = carbon ...): the slice is a regression check on names threadline
was tuned on, not a held-out measure. The held-out measure is han-latin-companies.
"""

from __future__ import annotations

from pair_records import labelled_pair

POSITIVES = [
    ("阿克苏华孚色纺有限公司", "Aksu Huafu Textiles Co., Ltd."),
    ("和田浩林发制品有限公司", "Hetian Haolin Hair Accessories Co. Ltd."),
    ("和田泰达服装有限公司", "Hetian Taida Apparel Co., Ltd."),
    ("洛浦县美欣发制品有限公司", "Lop County Meixin Hair Product Co., Ltd."),
    ("新疆准噶尔棉麻有限公司", "Xinjiang Junggar Cotton and Linen Co., Ltd."),
    ("新疆天棉基业纺织有限公司", "Xinjiang Tianmian Foundation Textile Co., Ltd."),
    ("伊犁卓万服装制造有限公司", "Yili Zhuowan Garment Manufacturing Co., Ltd."),
    ("新疆八一钢铁股份有限公司", "Xinjiang Bayi Iron & Steel Co., Ltd."),
    ("新疆天山毛纺织股份有限公司", "Xinjiang Tianshan Wool Textile Co., Ltd."),
    ("新疆冠农果茸股份有限公司", "Xinjiang Guannong Fruit & Antler Co., Ltd."),
    ("吐鲁番溢达纺织有限公司", "Turpan Esquel Textile Co., Ltd."),
    ("新疆宜化化工有限公司", "Xinjiang Yihua Chemical Industry Co., Ltd."),
    ("新疆泰昌实业有限责任公司", "Xinjiang Taichang Industrial Co., Ltd."),
    ("新疆神火煤电有限公司", "Xinjiang Shenhuo Coal and Electricity Co., Ltd."),
    ("新疆嘉润资源控股有限公司", "Xinjiang Jiarun Resources Holdings Co., Ltd."),
    ("新疆其亚铝电有限公司", "Xinjiang Qiya Aluminum & Power Co., Ltd."),
    ("新疆农六师铝业有限公司", "Xinjiang Nongliushi Aluminum Co., Ltd."),
    ("新疆华泰重化工有限责任公司", "Xinjiang Huatai Heavy Chemical Co., Ltd."),
    ("新疆富丽达纤维有限公司", "Xinjiang Fulida Fiber Co., Ltd."),
    ("巴州金富特种纱业有限公司", "Bazhou Jinfu Special Yarn Co., Ltd."),
    ("宝武集团新疆八一钢铁有限公司", "Baowu Group Xinjiang Bayi Iron and Steel Co., Ltd."),
    ("新疆中泰纺织集团有限公司", "Xinjiang Zhongtai Textile Group Co., Ltd."),
    ("新疆生产建设兵团第一师", "XPCC First Division"),
    ("新疆生产建设兵团第十四师", "Xinjiang Production and Construction Corps 14th Division"),
    ("和田地区公安局", "Hotan Prefecture Public Security Bureau"),
    ("新疆维吾尔自治区公安厅", "Xinjiang Uyghur Autonomous Region Public Security Department"),
    ("乌鲁木齐市公安局", "Urumqi Municipal Public Security Bureau"),
    ("喀什地区公安局", "Kashgar Prefecture Public Security Bureau"),
    ("新疆生产建设兵团公安局", "XPCC Public Security Bureau"),
    ("新疆维吾尔自治区司法厅", "Xinjiang Uyghur Autonomous Region Department of Justice"),
    ("新疆维吾尔自治区监狱管理局", "Xinjiang Prison Administration Bureau"),
    ("和田地区公安局", "Hotan Prefecture Police Bureau"),
    ("和田地区公安局", "Hotan Police"),
    ("新疆维吾尔自治区公安厅", "Xinjiang Police Department"),
    ("新疆维吾尔自治区公安厅", "XUAR Public Security Department"),
    ("新疆生产建设兵团公安局", "XPCC Police"),
    ("乌鲁木齐市公安局", "Urumqi Police Bureau"),
    ("新疆维吾尔自治区统计局", "Xinjiang Statistics Bureau"),
    ("新疆维吾尔自治区教育厅", "Xinjiang Education Department"),
    ("新疆维吾尔自治区人力资源和社会保障厅", "Xinjiang Human Resources and Social Security Department"),
    ("新疆维吾尔自治区人民政府办公厅", "General Office of the Xinjiang Uyghur Autonomous Region People's Government"),
    ("新疆维吾尔自治区党委政法委员会", "Political and Legal Affairs Commission of the Xinjiang Party Committee"),
    ("新疆维吾尔自治区高级人民法院", "Xinjiang Higher People's Court"),
    ("新疆维吾尔自治区人民检察院", "Xinjiang People's Procuratorate"),
]
NEGATIVES = [
    ("新疆中泰化学股份有限公司", "Xinjiang Tianye Co., Ltd."),
    ("新疆中泰化学股份有限公司", "Xinjiang Zhongtai Textile Group Co., Ltd."),
    ("新疆天山毛纺织股份有限公司", "Xinjiang Tianmian Foundation Textile Co., Ltd."),
    ("新疆天棉基业纺织有限公司", "Xinjiang Tianshan Wool Textile Co., Ltd."),
    ("阿克苏华孚色纺有限公司", "Aksu Huafeng Textiles Co., Ltd."),
    ("和田浩林发制品有限公司", "Hetian Haoyuan Hair Accessories Co. Ltd."),
    ("和田泰达服装有限公司", "Hetian Tianda Apparel Co., Ltd."),
    ("洛浦县美欣发制品有限公司", "Lop County Meixin Hair Product Co., Ltd. Hotan Branch"),
    ("新疆准噶尔棉麻有限公司", "Xinjiang Junggar Cotton Textile Co., Ltd."),
    ("新疆其亚铝电有限公司", "Xinjiang Jiarun Aluminum & Power Co., Ltd."),
    ("新疆农六师铝业有限公司", "Xinjiang Nongqishi Aluminum Co., Ltd."),
    ("新疆神火煤电有限公司", "Xinjiang Shenhuo Carbon Co., Ltd."),
    ("新疆大全新能源股份有限公司", "Xinjiang GCL New Energy Material Technology Co., Ltd."),
    ("新疆协鑫新能源材料科技有限公司", "Xinjiang Daqo New Energy Co., Ltd."),
    ("合盛硅业（鄯善）有限公司", "Hoshine Silicon Industry (Shihezi) Co., Ltd."),
    ("新疆东方希望有色金属有限公司", "Xinjiang East Hope Aluminum Co., Ltd."),
    ("伊犁卓万服装制造有限公司", "Yili Zhuoyue Garment Manufacturing Co., Ltd."),
    ("新疆八一钢铁股份有限公司", "Xinjiang Bayi Cotton Textile Co., Ltd."),
    ("吐鲁番溢达纺织有限公司", "Changji Esquel Textile Co., Ltd."),
    ("新疆冠农果茸股份有限公司", "Xinjiang Guannong Tomato Products Co., Ltd."),
    ("新疆维吾尔自治区统计局", "Xinjiang Education Department"),
    ("新疆维吾尔自治区政法委员会", "Xinjiang Uyghur Autonomous Region Party Committee"),
]


def xinjiang_entities() -> list[dict[str, object]]:
    return [
        *(labelled_pair(f"xje-pos-{i}", a, b, True) for i, (a, b) in enumerate(POSITIVES)),
        *(labelled_pair(f"xje-neg-{i}", a, b, False) for i, (a, b) in enumerate(NEGATIVES)),
    ]
