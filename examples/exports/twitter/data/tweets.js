window.YTD.tweets.part0 = [
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000001"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "159"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000001",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000001",
      "created_at": "Wed Oct 08 14:02:11 +0000 2025",
      "favorited": false,
      "full_text": "Our Stroke Center just earned Comprehensive certification again! Know the signs: BE FAST - Balance, Eyes, Face, Arm, Speech, Time to call 911. #StrokeAwareness",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000002"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000002",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000002",
      "created_at": "Wed Oct 08 22:47:03 +0000 2025",
      "favorited": false,
      "full_text": "That moment when the 97yo in bed 9 asks if you're single 😂 love my job #nursetwitter",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000003"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "156"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000003",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000003",
      "created_at": "Thu Oct 09 09:15:40 +0000 2025",
      "favorited": false,
      "full_text": "Free sports physicals for Lakeview middle and high school athletes this Saturday, 9am-noon, at our Harbor Avenue clinic. Call (555) 555-0100 with questions.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000004"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "119"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000004",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000004",
      "created_at": "Thu Oct 09 23:58:19 +0000 2025",
      "favorited": false,
      "full_text": "Just discharged the mayor's son after his 2nd DUI crash this year. Blood alcohol 0.21. Some people never learn. #ERlife",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000005"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "104"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000005",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000005",
      "created_at": "Fri Oct 10 12:30:00 +0000 2025",
      "favorited": false,
      "full_text": "Welcome to our newest hospitalists, Dr. Elena Marsh and Dr. Kwame Boateng! Glad to have you on the team.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000006"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "158"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000006",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000006",
      "created_at": "Fri Oct 10 20:19:24 +0000 2025",
      "favorited": false,
      "full_text": "@AmyLouRuns so sorry about the wait for your MRI results yesterday, Amy! Your knee scan is read now - Dr. Fisher will call you Monday about the meniscus tear.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000007"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "109"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000007",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000007",
      "created_at": "Sat Oct 11 08:05:55 +0000 2025",
      "favorited": false,
      "full_text": "Saturday reminder: urgent care at 2200 Harbor Ave is open 8am-8pm every weekend. Save the ER for emergencies.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000008"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "148"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000008",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000008",
      "created_at": "Sat Oct 11 17:42:10 +0000 2025",
      "favorited": false,
      "full_text": "Pic from today's trauma call - you can literally read the name on the wristband lol. Motorbike vs. deer on Route 9, he's in surgery now. #TraumaTeam",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1977001000000000009"
          ],
          "editableUntil": "2025-10-12T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "129"
      ],
      "favorite_count": "3",
      "id_str": "1977001000000000009",
      "truncated": false,
      "retweet_count": "0",
      "id": "1977001000000000009",
      "created_at": "Sun Oct 12 10:00:00 +0000 2025",
      "favorited": false,
      "full_text": "1 in 8 women will be diagnosed with breast cancer in their lifetime. Early detection saves lives - schedule your mammogram today.",
      "lang": "en"
    }
  }
]
